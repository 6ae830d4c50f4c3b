import { isDoubleBookingRefused } from "@/db/errors";

/**
 * Runs a scheduling write, and once more if the database refused it because a concurrent
 * transaction booked the same room, person or unit first: the second run meets that booking
 * in its conflict check and answers 409 with the list, like any other conflict.
 */
export async function retryIfDoubleBooked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDoubleBookingRefused(error)) throw error;
    return write();
  }
}
