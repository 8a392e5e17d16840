# Types for the cffi module maturin generates from include/ticketshare.h (ABI mode): its
# functions and constants are those of the header.
from typing import Any

ffi: Any
lib: Any
