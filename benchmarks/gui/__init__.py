"""Scripts the benchmark runner starts in fresh processes (offscreen Qt), one figure each."""
