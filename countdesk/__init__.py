"""countdesk: an offline count-centre application for UK returning officers."""

__version__ = "0.1.0"
