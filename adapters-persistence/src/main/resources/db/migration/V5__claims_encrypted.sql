-- Personal claims (names, specialism, dates) are stored encrypted in one column; the BIG number, which the
-- public register shows and every lookup needs, and the profession stay readable. Rows written before this
-- migration keep their plaintext columns until they are next written, when they are encrypted and cleared.
alter table issuance add column claims_ciphertext varchar(2000);
alter table issuance alter column first_name drop not null;
alter table issuance alter column last_name drop not null;
alter table issuance alter column registration_date drop not null;
alter table issuance alter column valid_until drop not null;
