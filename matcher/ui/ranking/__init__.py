"""The ranked table: its model over the ranked list, filters, header and the view that holds them."""
