"""The atlas model: the registry, time, the loaded data, i18n, the legend and the scene.

It imports neither the page (:mod:`components.page`) nor the exports
(:mod:`components.export`); both are built on it.
"""
