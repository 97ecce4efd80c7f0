// Requests the playground adds to the language server's own (common/protocol.ts).

/** `playground/grade`: an answer (the exercise with the student's claim) against the exercise. */
export const GradeRequest = "playground/grade";
export interface GradeParams {
  /** File name of the exercise, without .encounter (encounters may be named after it). */
  name: string;
  exercise: string;
  answer: string;
}
export type { AnswerScore as GradeResult } from "../../server/src/engine/grade.js";
