package org.boxoffice.domain;

import java.util.List;
import java.util.Optional;

/**
 * Signs tickets into codes that anyone can verify offline with the published public keys, and reads them
 * back. A code that is forged, altered or not a code at all reads as empty.
 */
public interface TicketCodes {

    /** The ticket's code, signed with the current key. */
    String sign(Ticket ticket);

    /** The ticket a code stands for, if one of the keys signed it exactly so; empty otherwise. */
    Optional<Ticket> verify(String code);

    /** The public keys codes verify with, the signing one first (older ones stay while codes signed with them live). */
    List<VerificationKey> keys();

    /** One public key: its id, as codes name it, and its raw Ed25519 public key (32 bytes). */
    record VerificationKey(String id, byte[] publicKey) {
    }
}
