"""Built-in writers: each module is one plugin that registers one or more writers."""
