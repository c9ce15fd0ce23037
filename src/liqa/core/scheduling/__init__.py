"""Schedulers: brokerage sessions (1:1 meetings at tables) and delegation itineraries."""
