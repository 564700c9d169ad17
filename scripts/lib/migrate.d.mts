export function migrateDatabase(options: {
  ownerUrl: string;
  appUrl?: string;
  manageRole?: boolean;
}): Promise<string[]>;
