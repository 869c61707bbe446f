# Checks a small custom exception hierarchy and catching by base class.
class AppError(Exception):
    code = 1
class NotFound(AppError):
    code = 404
class Forbidden(AppError):
    code = 403
    def __str__(self):
        return "forbidden: " + super().__str__()

for exc in (NotFound("page"), Forbidden("admin"), AppError("generic")):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, e.code, str(e))
