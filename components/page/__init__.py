"""The Dash page: layout, callbacks, panels and component ids (the page adapter)."""
