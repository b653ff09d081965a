"""Built-in cleaners: each module is one plugin; every cleaner is a pure Document -> Document."""
