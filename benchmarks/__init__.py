"""The performance suite (python -m benchmarks) and its parts."""
