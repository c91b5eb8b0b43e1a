package nl.bigregister.issuer.adapters.web.problem;

import java.util.List;

/** A request whose fields are invalid; answered 400 with every offending field listed. */
public final class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
