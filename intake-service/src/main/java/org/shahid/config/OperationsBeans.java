package org.shahid.config;

import org.shahid.reconciliation.ReconcileMailboxes;
import org.shahid.reload.ReloadChangedFiles;
import org.shahid.servicelevels.CheckServiceLevels;

/**
 * The beans of running Shahid as a production service (live reload, reconciliation, service levels), wired by
 * {@link ShahidConfiguration} beside the beans of the mail flow.
 */
public record OperationsBeans(ReloadChangedFiles reloadChangedFiles, ReconcileMailboxes reconcileMailboxes,
                              CheckServiceLevels checkServiceLevels) {
}
