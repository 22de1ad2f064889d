// HQShell: see the module's files.
