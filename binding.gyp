{
  "targets": [
    { "target_name": "exchange", "sources": ["native/exchange.c"] }
  ]
}
