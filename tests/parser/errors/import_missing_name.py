# Parser error case: import missing name
import
