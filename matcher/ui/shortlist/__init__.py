"""The shortlist pane and the ops that track applications and export them."""
