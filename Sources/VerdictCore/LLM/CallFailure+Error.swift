/// A failed model call is an error that callers can throw and catch by type.
extension CallFailure: Error {}
