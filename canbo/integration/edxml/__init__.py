"""edXML packets (QCVN 102:2016): reading, parsing, importing."""
