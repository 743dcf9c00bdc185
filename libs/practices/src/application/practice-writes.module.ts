import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddPartnerController } from './add-partner/add-partner.controller.js';
import { AddSalariedGpController } from './add-salaried-gp/add-salaried-gp.controller.js';
import { ChangeCommissionerController } from './change-commissioner/change-commissioner.controller.js';
import { ChangeContractController } from './change-contract/change-contract.controller.js';
import { ClosePracticeController } from './close-practice/close-practice.controller.js';
import { ConvertPartnerToSalariedController } from './convert-partner-to-salaried/convert-partner-to-salaried.controller.js';
import { EndTrustSubcontractController } from './end-trust-subcontract/end-trust-subcontract.controller.js';
import { GetPracticeHistoryController } from './get-practice-history/get-practice-history.controller.js';
import { GetPracticeHistoryHandler } from './get-practice-history/get-practice-history.handler.js';
import { JoinFederationController } from './join-federation/join-federation.controller.js';
import { JoinPcnController } from './join-pcn/join-pcn.controller.js';
import { LeaveFederationController } from './leave-federation/leave-federation.controller.js';
import { LeavePcnController } from './leave-pcn/leave-pcn.controller.js';
import { MergePracticeController } from './merge-practice/merge-practice.controller.js';
import { OpenPracticeController } from './open-practice/open-practice.controller.js';
import { RecordListSizeController } from './record-list-size/record-list-size.controller.js';
import { RecordPartnerExitController } from './record-partner-exit/record-partner-exit.controller.js';
import { RecordSalariedGpLeavingController } from './record-salaried-gp-leaving/record-salaried-gp-leaving.controller.js';
import { RenamePracticeController } from './rename-practice/rename-practice.controller.js';
import { RetractEventController } from './retract-event/retract-event.controller.js';
import { PracticeStreamCacheModule } from '../streams/practice-stream-cache.js';
import { PracticeTimelineCache } from './shared/practice-timeline.cache.js';
import { RecordPracticeChangeHandler } from './shared/record-practice-change.handler.js';
import { SubcontractToTrustController } from './subcontract-to-trust/subcontract-to-trust.controller.js';

/** The practice write side (SPEC §5 write routes) and the practice's audit history. Needs EventStore from the runtime. */
@Module({
  imports: [CqrsModule, PracticeStreamCacheModule],
  controllers: [
    OpenPracticeController,
    RenamePracticeController,
    ChangeCommissionerController,
    ChangeContractController,
    AddPartnerController,
    RecordPartnerExitController,
    ConvertPartnerToSalariedController,
    AddSalariedGpController,
    RecordSalariedGpLeavingController,
    SubcontractToTrustController,
    EndTrustSubcontractController,
    JoinFederationController,
    LeaveFederationController,
    JoinPcnController,
    LeavePcnController,
    RecordListSizeController,
    MergePracticeController,
    ClosePracticeController,
    RetractEventController,
    GetPracticeHistoryController,
  ],
  providers: [RecordPracticeChangeHandler, PracticeTimelineCache, GetPracticeHistoryHandler],
})
export class PracticeWritesModule {}
