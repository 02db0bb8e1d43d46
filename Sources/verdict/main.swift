import VerdictServer

await Entrypoint.main()
