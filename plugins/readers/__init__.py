"""Built-in readers: each module is one plugin that registers one or more readers."""
