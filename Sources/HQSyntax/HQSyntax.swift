// HQSyntax: see the module's files.
