import VerdictServer

// Before any concurrency code, on the main thread (see `prepareExecutor`).
Entrypoint.prepareExecutor()
await Entrypoint.main()
