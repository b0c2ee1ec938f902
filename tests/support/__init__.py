"""What the tests share: a reader's actions in the built site, axe-core, built files."""
