package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.IssuanceNotFoundException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/** Loading an issuance that must exist. */
final class Issuances {

    private Issuances() {
    }

    static CredentialIssuance load(IssuanceRepository repository, IssuanceId id) {
        return repository.find(id).orElseThrow(() -> new IssuanceNotFoundException(id));
    }
}
