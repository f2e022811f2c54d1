import CommuniqueCLI

CommuniqueCommand.main()
