# Only comments and blank lines.

   # indented comment

