"""The quotation component: quotations and who said them."""
