"""Evaluation commands: score khobor's output against gold data and print precision, recall and F1."""
