package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.application.port.out.BatchRepository.FieldProblem;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.RegistrationClaims;

import java.util.List;

/** One row of a batch request as parsed at the edge: valid claims with their reference, or what is wrong. */
public sealed interface BatchLine {

    int index();

    record Valid(int index, Reference reference, RegistrationClaims claims) implements BatchLine {
    }

    record Invalid(int index, String reference, List<FieldProblem> errors) implements BatchLine {
    }
}
