"""The packing bench screen (打包台) and its dialogs."""
