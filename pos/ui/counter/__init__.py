"""The settlement counter screen (结算台) and its dialogs."""
