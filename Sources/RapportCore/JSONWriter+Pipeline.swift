import RapportBase

// Deals, contracts and the funnel as JSON, shared by every `--json` output.
extension JSONWriter {
    public mutating func deal(_ d: Deal, pipeline: PipelineSettings) {
        beginObject()
        field("id", d.id)
        field("customer_id", d.customerID)
        field("title", d.title)
        key("amount")
        money(d.amount)
        field("stage", d.stage.rawValue)
        field("probability", d.probability(pipeline))
        field("own_probability", d.probability.map(Int64.init))
        field("expected_close", d.expectedClose?.iso)
        field("lost_reason", d.lostReason?.rawValue)
        field("lost_note", d.lostNote)
        field("created_at", d.createdAt.text)
        field("updated_at", d.updatedAt.text)
        field("stage_entered_at", d.stageEnteredAt.text)
        field("last_activity_at", d.lastActivityAt.text)
        key("items")
        beginArray()
        for item in d.items {
            beginObject()
            field("product_id", item.productID)
            field("description", item.description)
            field("quantity", item.quantity)
            key("unit_price")
            money(item.unitPrice)
            field("discount_basis_points", item.discountBasisPoints)
            key("total")
            money(try? item.total())
            endObject()
        }
        endArray()
        endObject()
    }

    public mutating func dealDetail(_ detail: DealDetail, pipeline: PipelineSettings) {
        beginObject()
        key("deal")
        deal(detail.deal, pipeline: pipeline)
        key("customer")
        beginObject()
        field("id", detail.customer.id)
        field("name", detail.customer.name)
        endObject()
        key("checklist")
        beginArray()
        for stage in Stage.open {
            for item in pipeline.checklist(of: stage) {
                beginObject()
                field("stage", stage.rawValue)
                field("item", item)
                field("ticked", detail.ticks.contains(ChecklistTick(stage: stage, item: item)))
                endObject()
            }
        }
        endArray()
        key("history")
        beginArray()
        for stay in detail.stays {
            beginObject()
            field("stage", stay.stage.rawValue)
            field("from", stay.from?.rawValue)
            field("at", stay.enteredAt.text)
            field("note", stay.note)
            field("left_at", stay.leftAt?.text)
            endObject()
        }
        endArray()
        key("contract")
        if let contract = detail.contract { self.contract(contract, payments: detail.payments) } else { null() }
        endObject()
    }

    public mutating func contract(_ c: Contract, payments: [Payment]) {
        beginObject()
        field("id", c.id)
        field("number", c.number)
        field("customer_id", c.customerID)
        field("deal_id", c.dealID)
        field("signed_on", c.signedOn.iso)
        field("starts_on", c.startsOn.iso)
        field("ends_on", c.endsOn?.iso)
        key("amount")
        money(c.amount)
        key("received")
        money(c.received)
        key("outstanding")
        money(c.outstanding)
        key("instalments")
        beginArray()
        for i in c.instalments {
            beginObject()
            field("id", i.id)
            field("position", i.position)
            field("due_on", i.dueOn.iso)
            key("amount")
            money(i.amount)
            key("received")
            money(i.received)
            field("paid", i.isPaid)
            endObject()
        }
        endArray()
        key("payments")
        beginArray()
        for p in payments {
            beginObject()
            field("id", p.id)
            field("instalment_id", p.instalmentID)
            field("paid_on", p.paidOn.iso)
            key("amount")
            money(p.amount)
            field("note", p.note)
            field("voided_at", p.voidedAt?.text)
            field("void_note", p.voidNote)
            endObject()
        }
        endArray()
        endObject()
    }

    public mutating func funnel(_ report: FunnelReport) {
        beginObject()
        field("date", report.today.iso)
        field("window_start", report.windowStart.iso)
        key("stages")
        beginArray()
        for line in report.stages {
            beginObject()
            field("stage", line.stage.rawValue)
            field("count", line.count)
            key("totals")
            totals(line.totals)
            key("average_days")
            if let days = line.averageDays { number(days, digits: 1) } else { null() }
            field("entered", line.entered)
            field("advanced", line.advanced)
            key("conversion")
            if let c = line.conversion { number(c, digits: 4) } else { null() }
            endObject()
        }
        endArray()
        key("forecast")
        beginArray()
        for line in report.forecast { forecastLine(line) }
        endArray()
        key("past_due")
        forecastLine(report.pastDue)
        key("collections")
        beginArray()
        for c in report.collections {
            beginObject()
            field("currency", c.currency.code)
            key("collected_this_month")
            money(c.collectedThisMonth)
            key("due_this_month")
            money(c.dueThisMonth)
            key("overdue")
            money(c.overdue)
            key("outstanding")
            money(c.outstanding)
            endObject()
        }
        endArray()
        endObject()
    }

    private mutating func forecastLine(_ line: FunnelReport.ForecastLine) {
        beginObject()
        field("month", line.month.map { String($0.iso.prefix(7)) })
        field("count", line.count)
        key("totals")
        totals(line.totals)
        endObject()
    }

    private mutating func totals(_ totals: [FunnelReport.Total]) {
        beginArray()
        for t in totals {
            beginObject()
            field("currency", t.amount.currency.code)
            key("amount")
            money(t.amount)
            key("weighted")
            money(t.weighted)
            endObject()
        }
        endArray()
    }
}
