-- A batch checks its references against those its client used before with `reference in (…)`. With the
-- client first in the index, every check scanned all of that client's issuances (a batch job is one client),
-- so each chunk of a large batch took longer than the one before. Reference first turns each check into
-- lookups; uniqueness per client is unchanged.
drop index issuance_reference_unique;
create unique index issuance_reference_unique on issuance (reference, requested_by);

-- The unique constraint on the callback token already indexes it; the second index only slowed inserts.
drop index attempt_by_token;
