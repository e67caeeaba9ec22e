// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Real FHIR answers for the FHIR model tests (tst_fhirmodels, tst_fhirjsontree): one embedded
// sandbox per suite, and FETCH to read an answer from it.
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirResponse.h"
#include "net/ApiCall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

inline const QString kKey = QStringLiteral("fhirmodels-test-key-51c0e8a9d2f4");
// The sandbox's online Best Practice practice: the only PMS with FHIR.
inline const QString kGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");

// GETs `relative` from the sandbox, requires success and parses the answer into `name`.
#define FETCH(name, relative)                                                                      \
    const CallPtr name##Call = await(m_rig->client.fhirGet(kGuid, relative));                      \
    QVERIFY2(name##Call->ok(), qPrintable(describe(*name##Call)));                                 \
    const Halo::FhirResponse name = Halo::FhirResponse::parse(name##Call->body())

// One sandbox for a suite: every test only reads. Check its port before use.
inline std::unique_ptr<SandboxRig> startReadOnlySandbox()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    return std::make_unique<SandboxRig>(options);
}

inline QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
