import { AppError } from '@/lib/errors/app-error';

/** 409 on the MRN field; `candidateId` names the record that already has it, when known. */
export function duplicateMrn(candidateId?: string): AppError {
  return new AppError('CONFLICT', 'A candidate with this MRN already exists.', {
    fields: { mrn: ['A candidate with this MRN already exists.'] },
    ...(candidateId ? { details: { candidateId } } : {}),
  });
}
