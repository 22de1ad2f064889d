// HQEngine: see the module's files.
