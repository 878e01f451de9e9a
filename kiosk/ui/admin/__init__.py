"""The hidden maintenance menu: the gesture that opens it, its view model, its log view."""
