"""The "Your CV" pane: CV versions, the parse report and skill chips with their evidence."""
