"""copydesk's built-in plugins: readers, cleaners and writers, registered like any third party's."""
