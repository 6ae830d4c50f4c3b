import { isDeadlockVictim, isDoubleBookingRefused } from "@/db/errors";

/** A write is tried at most this often: each retry follows a booking that committed first. */
const ATTEMPTS = 3;

/**
 * Runs a scheduling write, and again if the database refused it because a concurrent
 * transaction booked the same room, person or unit first (rare: saves for the same holders
 * queue before their check, db/queries/scheduling/booking-queue.ts, but a write that books
 * without queueing can still slip between a check and its insert): the next run meets that booking in
 * its conflict check and answers 409 with the list, like any other conflict. Two saves that
 * check the constraint at the same instant can wait for each other instead, and PostgreSQL
 * fails one of them (a deadlock): it is run again too, and may then find the other's booking
 * still uncommitted, wait for it, and be refused once more, hence a third run.
 */
export async function retryIfDoubleBooked<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const raced = isDoubleBookingRefused(error) || isDeadlockVictim(error);
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}
