import RapportCLI

RapportMain.run()
