"""Services: the government gateway client and the outbox that never loses an application."""
