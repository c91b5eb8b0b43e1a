package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row of the {@code issuance} table; translated to and from the aggregate by {@link IssuanceMapper}. */
@Entity
@Table(name = "issuance")
public class IssuanceEntity {

    @Id
    UUID id;
    @Version
    long version;
    @Column(nullable = false)
    String status;
    @Column(name = "big_number", nullable = false)
    String bigNumber;
    /** Legacy plaintext columns: empty for everything written since claims are encrypted. */
    @Column(name = "first_name")
    String firstName;
    @Column(name = "last_name")
    String lastName;
    @Column(nullable = false)
    String profession;
    String specialism;
    @Column(name = "registration_date")
    LocalDate registrationDate;
    @Column(name = "valid_until")
    LocalDate validUntil;
    /** Names, specialism and dates, AES-256-GCM encrypted by {@link ClaimsCipher}. */
    @Column(name = "claims_ciphertext")
    String claimsCiphertext;
    @Column(name = "requested_by", nullable = false)
    String requestedBy;
    @Column(name = "batch_id")
    UUID batchId;
    String reference;
    @Column(name = "offer_uri")
    String offerUri;
    @Column(name = "offer_qr_code")
    String offerQrCode;
    @Column(name = "offer_status_uri")
    String offerStatusUri;
    @Column(name = "offer_expires_at")
    Instant offerExpiresAt;
    @Column(name = "failure_code")
    String failureCode;
    @Column(name = "failure_message")
    String failureMessage;
    @Column(name = "revocation_id")
    String revocationId;
    @Column(name = "revocation_reason")
    String revocationReason;
    @Column(name = "revocation_requested_at")
    Instant revocationRequestedAt;
    @Column(name = "revocation_confirmed_at")
    Instant revocationConfirmedAt;
    @Column(name = "last_report_at")
    Instant lastReportAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "issuance_id", nullable = false)
    @OrderBy("attemptNumber")
    List<AttemptEntity> attempts = new ArrayList<>();

    protected IssuanceEntity() {
        // for JPA
    }
}
