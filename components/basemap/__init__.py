"""The offline basemap as the browser and the exports draw it: style and borders of the day."""
