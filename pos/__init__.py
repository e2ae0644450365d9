"""Counter & Bench: point of sale and packing station for wholesale showrooms."""

__version__ = "0.1.0"
APP_NAME = "counter-bench"
