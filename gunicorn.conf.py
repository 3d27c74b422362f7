"""gunicorn's settings for the atlas: ``gunicorn -c gunicorn.conf.py app:server`` (``make serve``).

No request renders anything: an export runs as a job outside the request (a process forked
by a worker, or a Celery worker) and the page polls it, so the request timeout can stay short
while a job may take minutes (``FEA_JOB_TIME_LIMIT``). A job outlives the worker that started
it (a restart, ``max_requests``): it is nobody's child but init's, and its state is in the
shared store. See the README's "Operating it".
"""

import multiprocessing

#: Loopback by default; a proxy in front does TLS (``make serve HOST=0.0.0.0`` to open it).
bind = "127.0.0.1:8050"
#: One worker per core and one more; each worker answers several polls at once in threads.
workers = multiprocessing.cpu_count() + 1
worker_class = "gthread"
threads = 4
#: The longest request (a page's first load on a slow machine, a streamed GIF) is far
#: under this; a worker silent for longer is stuck and is replaced.
timeout = 60
#: On SIGTERM or SIGHUP, workers finish the requests they have, for at most this long.
graceful_timeout = 30
keepalive = 5
#: Workers are replaced now and then, so that no leak grows without bound.
max_requests = 5000
max_requests_jitter = 500
#: One line per request on stdout (the jobs log one JSON line per event on stderr).
accesslog = "-"
errorlog = "-"
loglevel = "info"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
#: The server's name and version stay private.
proc_name = "far-east-atlas"
