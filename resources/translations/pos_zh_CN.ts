<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>App</name>
    <message>
      <location filename="../../pos/ui/app.py" line="25" />
      <source>These settings could not be used; their defaults apply until they are fixed in Settings (Ctrl+,):</source>
      <translation>以下设置无法使用，在“设置”（Ctrl+,）中改正之前按默认值运行：</translation>
    </message>
  </context>
  <context>
    <name>ApprovalDialog</name>
    <message>
      <location filename="../../pos/ui/approval.py" line="28" />
      <source>Manager login code</source>
      <translation>经理工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/approval.py" line="29" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/approval.py" line="31" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../pos/ui/approval.py" line="46" />
      <source>Enter the login code and PIN.</source>
      <translation>请输入工号和密码。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/approval.py" line="49" />
      <source>Enter a reason.</source>
      <translation>请填写原因。</translation>
    </message>
  </context>
  <context>
    <name>BenchActs</name>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="27" />
      <location filename="../../pos/ui/bench/acts.py" line="41" />
      <source>Tick by hand</source>
      <translation>手工打钩</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="28" />
      <source>{name}: how many?</source>
      <translation>{name}：几件？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="36" />
      <source>No label</source>
      <translation>没有标签</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="37" />
      <source>Label damaged or unreadable</source>
      <translation>标签损坏或无法扫描</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="38" />
      <source>Item has a defect</source>
      <translation>商品有瑕疵</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="41" />
      <source>Why is it ticked by hand?</source>
      <translation>为什么手工点货？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="62" />
      <location filename="../../pos/ui/bench/acts.py" line="81" />
      <location filename="../../pos/ui/bench/acts.py" line="88" />
      <source>Cross out</source>
      <translation>划除</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="63" />
      <source>{name}: how many does the customer not take?</source>
      <translation>{name}：客户不要几件？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="72" />
      <source>Customer does not want it</source>
      <translation>客户不要</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="73" />
      <source>Defective, no replacement</source>
      <translation>质量问题，无货调换</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="74" />
      <source>Wrong item</source>
      <translation>错货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="75" />
      <location filename="../../pos/ui/bench/acts.py" line="86" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="78" />
      <source>Out of stock</source>
      <translation>缺货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="78" />
      <source>Only in another colour</source>
      <translation>只有其他颜色</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="78" />
      <source>The price has changed</source>
      <translation>价格有变</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="81" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="88" />
      <source>What is the reason?</source>
      <translation>原因是什么？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="96" />
      <source>Crossed out: {code} {name} × {n}; it goes on the return slip.</source>
      <translation>已划除：{code} {name} × {n}，记入退货单。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="100" />
      <source>The customer is called about it first (Shift+F11, calls to make); then F6 finishes.</source>
      <translation>先联系客户（Shift+F11，待打电话），再按 F6 完成。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="121" />
      <source>Box {n} is open: pack into it.</source>
      <translation>第 {n} 箱已开，请装箱。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="137" />
      <source>Box {n} sealed; its label is printing.</source>
      <translation>第 {n} 箱已封，箱标签正在打印。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="175" />
      <source>Undo an earlier tick</source>
      <translation>撤销更早的点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="176" />
      <source>Only your own last tick can be taken back on your own. A manager approves this one.</source>
      <translation>只有自己最后一次点货可以自行撤销；这一次需要经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="199" />
      <source>Tick undone: {code} {name} × {n}</source>
      <translation>已撤销点货：{code} {name} × {n}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="203" />
      <source>Tick undone.</source>
      <translation>已撤销点货。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="213" />
      <source>Moving needs two open boxes.</source>
      <translation>移箱需要两个未封的箱子。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="215" />
      <location filename="../../pos/ui/bench/acts.py" line="219" />
      <source>Move to box</source>
      <translation>移箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="215" />
      <source>From box</source>
      <translation>从第几箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="219" />
      <source>To box</source>
      <translation>移到第几箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="228" />
      <source>Moved: {code} {name}, box {source} → box {target}</source>
      <translation>已移箱：{code} {name}，第 {source} 箱 → 第 {target} 箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="245" />
      <source>Defective swap</source>
      <translation>次品调换</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="245" />
      <source>What is wrong with this {name}?</source>
      <translation>这件 {name} 有什么问题？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="261" />
      <location filename="../../pos/ui/bench/acts.py" line="266" />
      <source>Name is wrong</source>
      <translation>名字有误</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="261" />
      <source>The customer's name, spelled right</source>
      <translation>客户的正确名字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="267" />
      <source>A cashier corrects the customer record.</source>
      <translation>由结算员更正客户档案。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/acts.py" line="269" />
      <source>Cashier login code</source>
      <translation>结算员工号</translation>
    </message>
  </context>
  <context>
    <name>BenchLinesModel</name>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="24" />
      <source>Code</source>
      <translation>货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="25" />
      <source>Item name</source>
      <translation>品名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="27" />
      <source>Ordered</source>
      <translation>应点</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="26" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="28" />
      <source>Ticked</source>
      <translation>已点</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="29" />
      <source>Crossed</source>
      <translation>划除</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="30" />
      <source>To do</source>
      <translation>待点</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/lines_model.py" line="42" />
      <source>{n} by hand</source>
      <translation>手工 {n}</translation>
    </message>
  </context>
  <context>
    <name>BenchPage</name>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="55" />
      <location filename="../../pos/ui/bench/page.py" line="269" />
      <source>Scan a slip's barcode, or choose it from the queue</source>
      <translation>请扫描销售单条码，或从队列中选择</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="89" />
      <source>F3 Tick by hand</source>
      <translation>F3 手工打钩</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="90" />
      <source>F7 Cross out</source>
      <translation>F7 划除</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="91" />
      <source>F8 New box</source>
      <translation>F8 新箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="92" />
      <source>F9 Seal box</source>
      <translation>F9 封箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="93" />
      <source>F6 Finish</source>
      <translation>F6 完成</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="94" />
      <source>Ctrl+Z Undo last tick</source>
      <translation>Ctrl+Z 撤销上一钩</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="95" />
      <source>Ctrl+M Move to box</source>
      <translation>Ctrl+M 移箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="96" />
      <source>Ctrl+D Defective swap</source>
      <translation>Ctrl+D 次品调换</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="97" />
      <source>F2 Name is wrong</source>
      <translation>F2 名字有误</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="98" />
      <source>Esc Back to queue</source>
      <translation>Esc 返回队列</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="154" />
      <source>Check resumed: {number}</source>
      <translation>继续点货：{number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="160" />
      <source>not printed yet</source>
      <translation>尚未打印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="161" />
      <source>checked already</source>
      <translation>已点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="163" />
      <source>voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="162" />
      <source>paid already</source>
      <translation>已结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="166" />
      <source>Slip {number} is not waiting for a check ({status}).</source>
      <translation>单据 {number} 不在待点货状态（{status}）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="222" />
      <source>Customer present</source>
      <translation>客户在场</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="222" />
      <source>Customer absent</source>
      <translation>客户不在场</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="225" />
      <source>Phone {phone}
Customer No. {number}</source>
      <translation>电话 {phone}
客户号 {number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="232" />
      <source>Packers: {names}</source>
      <translation>点货员：{names}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="233" />
      <source>Send by: {way}</source>
      <translation>发货：{way}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="240" />
      <source>Boxes: {count}, sealed {sealed}</source>
      <translation>箱数：{count}，已封 {sealed}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="245" />
      <source>Check complete: {number}. Copy 3 goes {where}.</source>
      <translation>点货完成：{number}。第三联{where}。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="247" />
      <source>to the customer</source>
      <translation>交给客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="247" />
      <source>into the box</source>
      <translation>放入箱内</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="254" />
      <source>{done} of {units} units checked</source>
      <translation>已点 {done} / {units} 件</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="259" />
      <source>No open box (F8)</source>
      <translation>没有未封的箱子（F8）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="261" />
      <source>Box {n}: {count} items</source>
      <translation>第 {n} 箱：{count} 件</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="300" />
      <source>Finish or put aside {number} (Esc) before loading another slip.</source>
      <translation>请先完成或放下 {number}（Esc），再载入其他单据。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="308" />
      <source>Load a slip first: scan its barcode.</source>
      <translation>请先载入单据：扫描单据条码。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="338" />
      <source>✓ {code} {name} → box {box}</source>
      <translation>✓ {code} {name} → 第 {box} 箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/page.py" line="380" />
      <source>Choose a line with the arrow keys first.</source>
      <translation>请先用方向键选择一行。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="228" />
      <source>Remote order, paid</source>
      <translation>远程订单（已付款）</translation>
    </message>
  </context>
  <context>
    <name>BenchQueue</name>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="48" />
      <source>Slip {number} was sent back to the queue.</source>
      <translation>单据 {number} 已被退回待点队列。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="54" />
      <source>waiting</source>
      <translation>等待</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="54" />
      <source>being checked</source>
      <translation>点货中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="56" />
      <source>{n} units</source>
      <translation>{n} 件</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="62" />
      <source>remote, paid</source>
      <translation>远程已付款</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/queue.py" line="64" />
      <source>LATE</source>
      <translation>超时未打包</translation>
    </message>
  </context>
  <context>
    <name>BenchSignatures</name>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="34" />
      <source>Back to the queue</source>
      <translation>退回待点队列</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="35" />
      <source>A manager sends slip {number} back to the queue; its ticks and boxes are cleared.</source>
      <translation>由经理将单据 {number} 退回待点队列；已点的货和箱子将被清除。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="52" />
      <source>The customer is absent: the second packer signs in before a box is sealed.</source>
      <translation>客户不在场：封箱前第二位点货员须先签到。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="62" />
      <source>Second packer signed: {name}</source>
      <translation>第二位点货员已签到：{name}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="66" />
      <source>Slip {number} is back in the queue.</source>
      <translation>单据 {number} 已退回待点队列。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="98" />
      <source>Not finished: {left} units still to check.</source>
      <translation>尚未完成：还有 {left} 件待点。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="102" />
      <source>Seal box {n} (F9) before finishing.</source>
      <translation>请先封第 {n} 箱（F9）再完成。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="156" />
      <source>Handler (经手人) login code</source>
      <translation>经手人工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="156" />
      <source>Manager login code</source>
      <translation>经理工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="158" />
      <source>Return slip {number}</source>
      <translation>退货单 {number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="159" />
      <source>Crossed-out items go on return slip {number}; it needs three signatures.</source>
      <translation>划除的商品已记入退货单 {number}，需三方签字。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="198" />
      <source>Checked. The final box labels ("box … of {n}") are printing: put each on its box.</source>
      <translation>已点完。最终箱标（“第几箱 / 共 {n} 箱”）正在打印：请逐个贴到对应的箱子上。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/signing.py" line="203" />
      <source>Items were crossed out: a revised copy 3 with the net total is printing. Give the customer that one and take back the copy printed for checking.</source>
      <translation>有划除的货品：按实际合计修订的第三联正在打印。把它交给客户，收回点货时打印的第三联。</translation>
    </message>
  </context>
  <context>
    <name>CallsPanel</name>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="29" />
      <source>Order</source>
      <translation>单号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="29" />
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="29" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="29" />
      <source>Tries</source>
      <translation>已拨次数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="29" />
      <source>Since</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="38" />
      <source>Note (optional): what the customer said</source>
      <translation>备注（可选）：客户说了什么</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="39" />
      <source>Reached (Ctrl+R)</source>
      <translation>已联系上 (Ctrl+R)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="40" />
      <source>No answer (Ctrl+U)</source>
      <translation>无人接听 (Ctrl+U)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="53" />
      <source>Read to the customer:</source>
      <translation>对客户说：</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="89" />
      <source>No calls to make.</source>
      <translation>没有要打的电话。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="95" />
      <source>{at} {staff}: no answer</source>
      <translation>{at} {staff}：无人接听</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="116" />
      <source>{customer} did not answer: the call about {number} stays listed; try again later.</source>
      <translation>{customer} 未接听：{number} 的电话仍在列表中，稍后再打。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/calls.py" line="118" />
      <source>{customer} reached: the call about {number} is done.</source>
      <translation>已联系上 {customer}：{number} 的电话已完成。</translation>
    </message>
  </context>
  <context>
    <name>CarriersDialog</name>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="39" />
      <source>Carriers and rates</source>
      <translation>承运方和运价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="44" />
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="70" />
      <source>Carrier</source>
      <translation>承运方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="45" />
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="71" />
      <source>Charged</source>
      <translation>计费方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="46" />
      <source>First kg</source>
      <translation>首重</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="47" />
      <source>Each further kg</source>
      <translation>续重每公斤</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="48" />
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="58" />
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="110" />
      <source>Per box</source>
      <translation>按箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="49" />
      <source>Minimum</source>
      <translation>最低收费</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="50" />
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="51" />
      <source>Offered</source>
      <translation>提供</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="57" />
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="110" />
      <source>By weight</source>
      <translation>按重量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="66" />
      <source>Offered to customers</source>
      <translation>向客户提供</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="72" />
      <source>First kg (¥)</source>
      <translation>首重（元）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="73" />
      <source>Each further kg (¥)</source>
      <translation>续重每公斤（元）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="74" />
      <source>Per box (¥)</source>
      <translation>每箱（元）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="75" />
      <source>Minimum (¥)</source>
      <translation>最低收费（元）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="76" />
      <source>Days to arrive</source>
      <translation>到达天数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="78" />
      <source>Save carrier</source>
      <translation>保存承运方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="79" />
      <source>New carrier</source>
      <translation>新建承运方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="80" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="126" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="126" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="180" />
      <source>Manager approval</source>
      <translation>经理批准</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="180" />
      <source>Carriers and rates are a manager's setting.</source>
      <translation>承运方和运价由经理设置。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/carriers_dialog.py" line="196" />
      <source>Saved: {name}.</source>
      <translation>已保存：{name}。</translation>
    </message>
  </context>
  <context>
    <name>CodeDialog</name>
    <message>
      <location filename="../../pos/ui/counter/code_dialog.py" line="13" />
      <source>Enter code</source>
      <translation>输入货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/code_dialog.py" line="14" />
      <source>Item code or barcode (3*CODE for three), or part of a name</source>
      <translation>货号或条码（3*货号 表示三件），或品名的一部分</translation>
    </message>
  </context>
  <context>
    <name>Copy3Dialog</name>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="172" />
      <source>Copy 3 in box {box}</source>
      <translation>第三联放入第 {box} 箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="175" />
      <source>The customer is absent and items were crossed out: a revised copy 3 with the net lines prints when you confirm. It goes in the clear bag inside the lid of box {box} instead of the copy printed for checking; both packers confirm it is there before the box is closed.</source>
      <translation>客户不在场且有划除的货品：确认后打印按实际货品修订的第三联。把它放进第 {box} 箱箱盖内的透明袋，替换点货时打印的第三联；封箱前两位打包员确认已放入。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="181" />
      <source>The customer is absent: copy 3 goes in the clear bag inside the lid of box {box} before it is sealed. Both packers confirm it is there.</source>
      <translation>客户不在场：封箱前，第三联须装入透明袋贴在第 {box} 箱的箱盖内侧。请两位点货员确认已放好。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="188" />
      <source>{name}: copy 3 is in box {box}</source>
      <translation>{name}：第三联已放入第 {box} 箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="194" />
      <source>{name}'s login code</source>
      <translation>{name} 的工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="194" />
      <source>Other packer</source>
      <translation>另一位点货员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="195" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="209" />
      <source>Tick that copy 3 is in the box.</source>
      <translation>请勾选确认第三联已放入箱内。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="212" />
      <source>Enter the login code and PIN.</source>
      <translation>请输入工号和密码。</translation>
    </message>
  </context>
  <context>
    <name>CounterCodeEntry</name>
    <message>
      <location filename="../../pos/ui/counter/code_entry.py" line="37" />
      <source>No item matches that name.</source>
      <translation>没有与该名称匹配的商品。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/code_entry.py" line="40" />
      <source>Enter code</source>
      <translation>输入货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/code_entry.py" line="40" />
      <source>Choose the item</source>
      <translation>选择商品</translation>
    </message>
  </context>
  <context>
    <name>CounterLineActs</name>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="23" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="27" />
      <source>Large quantity</source>
      <translation>大数量确认</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="28" />
      <source>Set {name} to {qty}? A quantity of {large} or more is confirmed first.</source>
      <translation>将 {name} 的数量改为 {qty}？{large} 件及以上需先确认。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="50" />
      <source>Remove line</source>
      <translation>删除行</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="51" />
      <source>Remove {name} × {qty} from the slip?</source>
      <translation>从单据中删除 {name} × {qty}？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="67" />
      <source>Change price</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="68" />
      <source>New unit price for {name}</source>
      <translation>{name} 的新单价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="79" />
      <source>Manager approval</source>
      <translation>经理批准</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="79" />
      <source>A price change needs a manager.</source>
      <translation>改价需要经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="95" />
      <source>Price of {name} changed: {old} → {new}.</source>
      <translation>{name} 改价：{old} → {new}。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="108" />
      <source>Defective swap</source>
      <translation>次品调换</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="109" />
      <source>Swap one {name} for a good one. What is wrong with it?</source>
      <translation>将一件 {name} 换成好的。有什么问题？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/line_acts.py" line="115" />
      <source>Swap recorded.</source>
      <translation>已记录调换。</translation>
    </message>
  </context>
  <context>
    <name>CounterPage</name>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="56" />
      <location filename="../../pos/ui/counter/page.py" line="157" />
      <source>No customer (F2)</source>
      <translation>未选客户（F2）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="88" />
      <source>F2 Customer</source>
      <translation>F2 客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="89" />
      <source>F3 Enter code</source>
      <translation>F3 输入货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="90" />
      <source>F4 Quantity</source>
      <translation>F4 数量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="91" />
      <source>F5 Print slip</source>
      <translation>F5 打印单据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="92" />
      <source>F6 Settle</source>
      <translation>F6 结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="93" />
      <source>Del Remove line</source>
      <translation>Del 删除行</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="94" />
      <source>Ctrl+P Change price</source>
      <translation>Ctrl+P 改价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="95" />
      <source>Ctrl+D Defective swap</source>
      <translation>Ctrl+D 次品调换</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="97" />
      <source>Ctrl+N New slip</source>
      <translation>Ctrl+N 新单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="103" />
      <source>Ctrl+T Remote order</source>
      <translation>Ctrl+T 远程订单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="102" />
      <source>Ctrl+O Open drawer</source>
      <translation>Ctrl+O 开钱箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="100" />
      <source>Ctrl+E Day end</source>
      <translation>Ctrl+E 日结</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="101" />
      <source>F1 Help</source>
      <translation>F1 帮助</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="99" />
      <source>Ctrl+J To settle</source>
      <translation>Ctrl+J 待结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="98" />
      <source>Ctrl+G Set aside</source>
      <translation>Ctrl+G 挂起单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="160" />
      <source>Wholesale</source>
      <translation>批发</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="160" />
      <source>Franchise</source>
      <translation>加盟</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="163" />
      <source>owes {amount}</source>
      <translation>欠款 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="165" />
      <source>credit {amount}</source>
      <translation>预存 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="172" />
      <source>{count} items</source>
      <translation>共 {count} 件</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="176" />
      <source>Scanning</source>
      <translation>开单中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="177" />
      <source>Remote order: waiting for the transfer (Ctrl+T)</source>
      <translation>远程订单：等待转账（Ctrl+T）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="179" />
      <source>Being checked</source>
      <translation>点货中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="180" />
      <source>Checked: ready to settle</source>
      <translation>已点货，可结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="182" />
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="385" />
      <source>F10 Print queue
F11 Returns
Shift+F11 Shipping
F12 Sign out
Scan anywhere: the item goes on the slip.
Ctrl+N with a slip not yet printed sets it aside: choose it in the list on the right and press Take up (or Void).</source>
      <translation>F10 打印队列
F11 退货
Shift+F11 发货
F12 退出登录
在任意位置扫描：商品即加入单据。
Ctrl+N：未打印的单据会被挂起，在右侧列表中选中后按“取回”（或“作废”）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="181" />
      <source>Paid</source>
      <translation>已结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="233" />
      <source>No slip yet: choose the customer (F2) and scan.</source>
      <translation>还没有销售单：请先选客户（F2）再扫描。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="251" />
      <source>Choose the customer first (F2): slips that are packed and shipped need a customer record.</source>
      <translation>请先选客户（F2）：需要打包发货的单据必须有客户档案。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="257" />
      <source>This slip can no longer change. Start a new slip (Ctrl+N).</source>
      <translation>此单不能再修改。请开新单（Ctrl+N）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="292" />
      <source>After-sales: {note}</source>
      <translation>售后：{note}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="316" />
      <source>The slip in progress stays with {name}; start a new slip (Ctrl+N) first.</source>
      <translation>当前单据仍属于 {name}；请先开新单（Ctrl+N）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="324" />
      <source>Customer: {name}. Scan the items.</source>
      <translation>客户：{name}。请扫描商品。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="340" />
      <source>Slip {number} is set aside: choose it in the list on the right and press Take up.</source>
      <translation>单据 {number} 已挂起：在右侧列表中选中，按“取回”即可继续。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="178" />
      <source>Printed: waiting for the bench</source>
      <translation>已打印：等待打包台点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="352" />
      <source>Print slip</source>
      <translation>打印单据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="354" />
      <source>Has the customer agreed to print the slip for checking? After printing, changes are made at the bench.</source>
      <translation>客户同意打印单据点货吗？打印后只能在打包台修改。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="369" />
      <source>Slip {number} printed and sent to the bench.</source>
      <translation>单据 {number} 已打印并送打包台。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/page.py" line="381" />
      <source>Keys</source>
      <translation>按键说明</translation>
    </message>
  </context>
  <context>
    <name>CounterRemote</name>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="42" />
      <source>Ctrl+T is for a remote order: a slip being made up (the payment notice) or one waiting for its transfer.</source>
      <translation>Ctrl+T 用于远程订单：正在开单的单据（发付款通知）或等待转账的单据。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="53" />
      <source>Slip {number} is waiting for the customer's transfer: Ctrl+T records it, or opens the slip again for changes (Ctrl+R there).</source>
      <translation>单据 {number} 正在等待客户转账：按 Ctrl+T 登记转账，或在那里按 Ctrl+R 重新打开单据修改。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="83" />
      <source>Payment notice for {number}: {amount} to transfer. The text is copied; it waits for the money.</source>
      <translation>{number} 付款通知：应转账 {amount}。文字已复制；等待到款。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="141" />
      <source>The customer cancelled the order</source>
      <translation>客户取消了订单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="141" />
      <source>The money never came</source>
      <translation>一直未到款</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="143" />
      <source>Void slip</source>
      <translation>作废单据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="143" />
      <source>Void slip {number}? Reason:</source>
      <translation>作废单据 {number}？原因：</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="155" />
      <source>Slip {number} voided.</source>
      <translation>单据 {number} 已作废。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="162" />
      <source>Slip {number} is open for changes: send a new notice after them (Ctrl+T).</source>
      <translation>单据 {number} 已重新打开可修改：改完后重新发付款通知（Ctrl+T）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="170" />
      <source>The notice for {number} again: the text is copied.</source>
      <translation>{number} 的付款通知已再次发出：文字已复制。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="176" />
      <source>Transfer of {amount} recorded: slip {number} printed and sent to the bench.</source>
      <translation>已登记转账 {amount}：单据 {number} 已打印并送点货台。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="180" />
      <source>Still owed: {amount}.</source>
      <translation>仍欠：{amount}。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_acts.py" line="182" />
      <source>Credit: {amount}.</source>
      <translation>余款：{amount}。</translation>
    </message>
  </context>
  <context>
    <name>CounterSideLists</name>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="21" />
      <source>To settle (checked at the bench), or awaiting a transfer:</source>
      <translation>待结算（已点货）或待转账：</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="29" />
      <source>Set aside, not printed:</source>
      <translation>挂起的单据（未打印）：</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="37" />
      <source>Take up</source>
      <translation>取回</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="39" />
      <source>Void…</source>
      <translation>作废…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="79" />
      <source>awaiting transfer</source>
      <translation>待转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="88" />
      <source>{number}  {name}  {units} items  {time}</source>
      <translation>{number}  {name}  {units} 件  {time}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="100" />
      <source>The list is empty.</source>
      <translation>列表为空。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="142" />
      <source>The customer left without it</source>
      <translation>客户不要了</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="142" />
      <source>Opened twice by mistake</source>
      <translation>重复开单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="142" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="144" />
      <source>Void slip</source>
      <translation>作废单据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="144" />
      <source>Void slip {number}? Reason:</source>
      <translation>作废单据 {number}？原因：</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/side_lists.py" line="156" />
      <source>Slip {number} voided.</source>
      <translation>单据 {number} 已作废。</translation>
    </message>
  </context>
  <context>
    <name>CounterTill</name>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="23" />
      <source>This slip is paid already.</source>
      <translation>此单已结算。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="32" />
      <source>A remote order is paid by transfer: record it when it arrives (Ctrl+T).</source>
      <translation>远程订单以转账付款：到款后登记（Ctrl+T）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="35" />
      <source>The bench has not finished checking this slip.</source>
      <translation>打包台尚未点货完毕。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="72" />
      <source>Paid. Receipt printing. Ctrl+N for the next customer.</source>
      <translation>已结算，正在打印收据。按 Ctrl+N 接待下一位客户。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="77" />
      <source>Open drawer</source>
      <translation>开钱箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="78" />
      <source>Opening the drawer without a sale needs a manager.</source>
      <translation>无销售开钱箱需要经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/till.py" line="94" />
      <source>Drawer opening.</source>
      <translation>正在打开钱箱。</translation>
    </message>
  </context>
  <context>
    <name>CustomerDialog</name>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="48" />
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="54" />
      <source>Phone, name, pinyin (zs, zhang) or customer number</source>
      <translation>电话、姓名、拼音（zs、zhang）或客户编号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="57" />
      <source>New customer (Ctrl+N)</source>
      <translation>新建客户（Ctrl+N）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="59" />
      <source>Edit customer (Ctrl+E)</source>
      <translation>修改客户资料（Ctrl+E）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="77" />
      <location filename="../../pos/ui/counter/customer_dialog.py" line="171" />
      <source>Wholesale</source>
      <translation>批发</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="78" />
      <location filename="../../pos/ui/counter/customer_dialog.py" line="171" />
      <source>Franchise</source>
      <translation>加盟</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="79" />
      <location filename="../../pos/ui/counter/customer_dialog.py" line="245" />
      <source>Save customer</source>
      <translation>保存客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="80" />
      <source>Back to search</source>
      <translation>返回查找</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="83" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="84" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="85" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="86" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="88" />
      <source>Contract on file</source>
      <translation>已签加盟合同</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="92" />
      <source>Change contract (manager)… Ctrl+M</source>
      <translation>修改合同（经理）… Ctrl+M</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="103" />
      <source>Contract period</source>
      <translation>合同期限</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="104" />
      <source>Return ratio</source>
      <translation>退货比例</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="177" />
      <source>owes {amount}</source>
      <translation>欠款 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="179" />
      <source>credit {amount}</source>
      <translation>预存 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="187" />
      <source>No customer found. Create one with Ctrl+N.</source>
      <translation>未找到客户。按 Ctrl+N 新建。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="221" />
      <source>Find the customer first, then Ctrl+E to correct the record.</source>
      <translation>请先找到客户，再按 Ctrl+E 修改资料。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="245" />
      <source>Save changes</source>
      <translation>保存修改</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="262" />
      <source>Manager approval</source>
      <translation>经理批准</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="263" />
      <source>The franchise contract (period and return ratio) is changed by a manager.</source>
      <translation>加盟合同（期限和退货比例）须由经理修改。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="350" />
      <source>Saved: {name}.</source>
      <translation>已保存：{name}。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/customer_dialog.py" line="361" />
      <source>Save anyway (same phone)</source>
      <translation>仍然保存（电话相同）</translation>
    </message>
  </context>
  <context>
    <name>CustomerSignatureDialog</name>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="222" />
      <source>Customer signature</source>
      <translation>客户签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="223" />
      <source>{name}: everything is in the boxes. Please sign.</source>
      <translation>{name}：所有商品都已装箱，请签字。</translation>
    </message>
  </context>
  <context>
    <name>DayEndDialog</name>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="43" />
      <source>Day end</source>
      <translation>日结</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="48" />
      <source>Cash in drawer</source>
      <translation>钱箱现金</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="49" />
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="50" />
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="51" />
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="52" />
      <source>On account</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="57" />
      <source>Opening float</source>
      <translation>备用金</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="63" />
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="63" />
      <source>Expected</source>
      <translation>应有</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="63" />
      <source>Counted</source>
      <translation>实点</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="63" />
      <source>Difference</source>
      <translation>差额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="86" />
      <source>Count the drawer and each channel, then save.</source>
      <translation>清点钱箱及各收款渠道后保存。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="142" />
      <source>The day end is stored and printing, but its PDF could not be saved: {error}</source>
      <translation>日结已保存并在打印，但 PDF 未能保存：{error}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="147" />
      <source>Customers still to call: {count}</source>
      <translation>尚未通知的客户：{count} 个</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="150" />
      <source>Total difference: {amount}</source>
      <translation>差额合计：{amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/day_end_dialog.py" line="140" />
      <source>Saved as {path}; the report is printing.</source>
      <translation>已保存为 {path}；报表正在打印。</translation>
    </message>
  </context>
  <context>
    <name>LinesModel</name>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="26" />
      <source>Code</source>
      <translation>货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="26" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="26" />
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="26" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="42" />
      <source>changed</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="58" />
      <source>Price changed from {price}</source>
      <translation>改价，原价 {price}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/lines_model.py" line="26" />
      <source>Item name</source>
      <translation>品名</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../pos/ui/main_window.py" line="87" />
      <source>Counter &amp; Bench</source>
      <translation>柜台与打包台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="88" />
      <source>DEMO</source>
      <translation>演示</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="115" />
      <source>Amounts are typed by hand; a scan is not an amount.</source>
      <translation>金额须手工输入：扫码不是金额。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="130" />
      <source>Station</source>
      <translation>工位</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="140" />
      <location filename="../../pos/ui/main_window.py" line="326" />
      <location filename="../../pos/ui/main_window.py" line="349" />
      <location filename="../../pos/ui/main_window.py" line="357" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="134" />
      <source>Counter</source>
      <translation>结算台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="135" />
      <source>Bench</source>
      <translation>打包台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="144" />
      <source>Prints (F10)</source>
      <translation>打印队列 (F10)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="148" />
      <source>Returns (F11)</source>
      <translation>退货 (F11)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="153" />
      <source>Shipping (Shift+F11)</source>
      <translation>发货 (Shift+F11)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="157" />
      <source>Staff</source>
      <translation>员工</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="161" />
      <source>My PIN</source>
      <translation>我的密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="165" />
      <source>Sign out (F12)</source>
      <translation>退出登录 (F12)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="218" />
      <source>A scan means nothing here: close this window first.</source>
      <translation>扫码在此无效：请先关闭此窗口。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="221" />
      <source>Sign in before scanning.</source>
      <translation>请先登录再扫描。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="278" />
      <source>{name} does not work at this station: sign in here as {who}.</source>
      <translation>{name}不在此工位工作：请以{who}身份登录。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="280" />
      <source>a cashier or a manager</source>
      <translation>结算员或经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="280" />
      <source>a packer or a manager</source>
      <translation>点货员或经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="327" />
      <source>Nobody is signed in: an administrator opens the settings.</source>
      <translation>当前无人登录：需由管理员打开设置。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="329" />
      <source>Administrator login code</source>
      <translation>管理员工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="349" />
      <source>Language and database changes take effect after a restart.</source>
      <translation>语言和数据库的更改在重新启动后生效。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/main_window.py" line="357" />
      <source>Settings were not saved: {reason}</source>
      <translation>设置未保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/app.py" line="62" />
      <source>Database upgraded; previous copy saved as {path}</source>
      <translation>数据库已升级；原数据库已备份为 {path}</translation>
    </message>
  </context>
  <context>
    <name>NewReturnDialog</name>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="51" />
      <source>New return: {number} {name}</source>
      <translation>新建退货：{number} {name}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="56" />
      <source>Code</source>
      <translation>货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="57" />
      <source>Item name</source>
      <translation>品名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="58" />
      <source>Sold</source>
      <translation>已售</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="59" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="60" />
      <source>Qty returned</source>
      <translation>退货数量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="61" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="62" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="63" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="186" />
      <source>Saving the return slip…</source>
      <translation>正在保存退货单…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="197" />
      <source>Manager override</source>
      <translation>经理特批</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="104" />
      <source>Refund by the original payment method</source>
      <translation>按原支付方式退款</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="105" />
      <source>Credit to the customer's account</source>
      <translation>计入客户账户余额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="116" />
      <source>Arrow keys choose a line; type how many come back; F2 changes the reason; Enter returns them.</source>
      <translation>方向键选行；直接输入退货数量；F2 修改原因；回车确认退货。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="153" />
      <source>Returning {count} units, refund {amount}</source>
      <translation>退货 {count} 件，退款 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="165" />
      <source>Line {row}: say what the other reason is.</source>
      <translation>第 {row} 行：请说明是什么其他原因。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/new_return.py" line="169" />
      <source>Choose at least one item to return.</source>
      <translation>请至少选择一件退货商品。</translation>
    </message>
  </context>
  <context>
    <name>NoticeDialog</name>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="48" />
      <source>Payment notice for a remote order</source>
      <translation>远程订单付款通知</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="55" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="56" />
      <source>Video call</source>
      <translation>视频</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="57" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="65" />
      <source>Products the customer asked to see</source>
      <translation>客户要看的货品</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="68" />
      <source>Pickup (自提)</source>
      <translation>自提</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="73" />
      <source>0: paid on delivery, or by the shop</source>
      <translation>0：到付或本店付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="79" />
      <source>Ordered by</source>
      <translation>下单方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="80" />
      <source>Video call at</source>
      <translation>视频时间</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="81" />
      <source>Products wanted</source>
      <translation>所需货品</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="82" />
      <source>Send by</source>
      <translation>发货方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="83" />
      <source>Freight we collect</source>
      <translation>本店代收运费</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="85" />
      <source>Send and print (Enter)</source>
      <translation>发出并打印（Enter）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="86" />
      <source>Send, copy the text only (Ctrl+Shift+C)</source>
      <translation>发出，只复制文字（Ctrl+Shift+C）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="129" />
      <source>A shipping fee cannot be negative.</source>
      <translation>运费不能为负数。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="134" />
      <source>There is no account to transfer to: a manager adds the shop's bank accounts in Settings (Money).</source>
      <translation>没有收款账户：请经理在设置（资金）中填写本店银行账户。</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="72" />
      <source>Login code</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="73" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="79" />
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="81" />
      <source>Current PIN</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="83" />
      <source>New PIN</source>
      <translation>新密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="84" />
      <source>New PIN again</source>
      <translation>再输一次新密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="96" />
      <source>The two PINs differ; type the new PIN twice.</source>
      <translation>两次输入的密码不一致，请把新密码输入两次。</translation>
    </message>
  </context>
  <context>
    <name>PreviewDialog</name>
    <message>
      <location filename="../../pos/ui/preview.py" line="74" />
      <source>Print preview: {title}</source>
      <translation>打印预览：{title}</translation>
    </message>
  </context>
  <context>
    <name>PrintQueueDialog</name>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="64" />
      <source>Print queue</source>
      <translation>打印队列</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="70" />
      <source>Job</source>
      <translation>作业</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="71" />
      <source>Document</source>
      <translation>单据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="72" />
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="73" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="74" />
      <source>Attempts</source>
      <translation>尝试次数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="75" />
      <source>Queued</source>
      <translation>排队时间</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="76" />
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="83" />
      <source>Show printed and cancelled jobs too</source>
      <translation>同时显示已打印和已取消的作业</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="84" />
      <source>Retry now</source>
      <translation>立即重试</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="85" />
      <source>Send to another printer…</source>
      <translation>改用其他打印机…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="86" />
      <source>Cancel job (manager)…</source>
      <translation>取消作业（经理）…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="87" />
      <source>Reprint (manager)…</source>
      <translation>重印（经理）…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="88" />
      <source>Show content</source>
      <translation>查看内容</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="89" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="141" />
      <source>waiting</source>
      <translation>等待</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="142" />
      <source>sending</source>
      <translation>发送中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="144" />
      <source>printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="146" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="248" />
      <source>Reprint</source>
      <translation>重印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="249" />
      <source>{job} prints again, marked as a reprint. A manager approves.</source>
      <translation>{job} 将再次打印，并标为重印。需经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="38" />
      <source>Sales slip</source>
      <translation>销售单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="39" />
      <source>Receipt</source>
      <translation>收据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="40" />
      <source>Refund receipt</source>
      <translation>退款收据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="41" />
      <source>Return slip</source>
      <translation>退货单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="42" />
      <source>Box label</source>
      <translation>箱标签</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="43" />
      <source>Shipping voucher</source>
      <translation>发货凭证</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="44" />
      <source>Payment notice</source>
      <translation>付款通知</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="45" />
      <source>Test page</source>
      <translation>测试页</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="49" />
      <source>copy {n}</source>
      <translation>第{n}联</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="51" />
      <source>box {n}</source>
      <translation>第{n}箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="53" />
      <source>(reprint {n})</source>
      <translation>（重印第{n}次）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="143" />
      <source>held: check the paper</source>
      <translation>已暂扣：请查看纸张</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="145" />
      <source>sent, unconfirmed</source>
      <translation>已发送，未确认</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="209" />
      <source>Send to another printer</source>
      <translation>改用其他打印机</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="209" />
      <source>Printer address (URI)</source>
      <translation>打印机地址（URI）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="225" />
      <source>Cancel print job</source>
      <translation>取消打印作业</translation>
    </message>
    <message>
      <location filename="../../pos/ui/print_queue.py" line="226" />
      <source>Job {job} will not be printed. A manager approves, with a reason.</source>
      <translation>作业 {job} 将不再打印。需经理批准并填写原因。</translation>
    </message>
  </context>
  <context>
    <name>ReturnOrderDialog</name>
    <message>
      <location filename="../../pos/ui/returns/order_prompt.py" line="20" />
      <source>New return</source>
      <translation>新建退货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/order_prompt.py" line="29" />
      <source>Order number (scan the slip), or the customer's phone or name</source>
      <translation>销售单号（可扫描单据），或客户电话、姓名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/order_prompt.py" line="44" />
      <source>{code} is not a sales slip number: scan the barcode on the sales slip.</source>
      <translation>{code} 不是销售单号：请扫描销售单上的条码。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/order_prompt.py" line="55" />
      <source>Scan the sales slip, or type its number or the customer's phone or name.</source>
      <translation>请扫描销售单，或输入单号、客户电话或姓名。</translation>
    </message>
  </context>
  <context>
    <name>ReturnSignatureDialog</name>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="26" />
      <source>Return slip {number}: customer signature</source>
      <translation>退货单 {number}：客户签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="28" />
      <source>{name}: please check the items returned and sign.</source>
      <translation>{name}：请核对退货商品并签字。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="35" />
      <source>Code</source>
      <translation>货号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="35" />
      <source>Item name</source>
      <translation>品名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="35" />
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="35" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="35" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/signature.py" line="59" />
      <source>Refund total: {amount} ({capitals})</source>
      <translation>退款合计：{amount}（{capitals}）</translation>
    </message>
  </context>
  <context>
    <name>Returns</name>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="45" />
      <source>handler</source>
      <translation>经手人</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="46" />
      <source>customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="47" />
      <source>manager</source>
      <translation>部门经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/labels.py" line="12" />
      <source>Not wanted</source>
      <translation>客户不要</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/labels.py" line="13" />
      <source>Defective</source>
      <translation>质量问题</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/labels.py" line="14" />
      <source>Wrong item</source>
      <translation>错货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns/labels.py" line="15" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
  </context>
  <context>
    <name>ReturnsDialog</name>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="59" />
      <source>Returns</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="63" />
      <location filename="../../pos/ui/returns_dialog.py" line="150" />
      <source>Awaiting signatures</source>
      <translation>待签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="64" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="65" />
      <location filename="../../pos/ui/returns_dialog.py" line="151" />
      <source>Complete</source>
      <translation>已生效</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="66" />
      <location filename="../../pos/ui/returns_dialog.py" line="152" />
      <location filename="../../pos/ui/returns_dialog.py" line="378" />
      <source>Set aside</source>
      <translation>作废</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="69" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="71" />
      <source>Customer name or number</source>
      <translation>客户姓名或编号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="75" />
      <source>Return slip</source>
      <translation>退货单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="76" />
      <source>Order</source>
      <translation>销售单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="77" />
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="78" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="79" />
      <source>Refund</source>
      <translation>退款</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="80" />
      <source>Missing signatures</source>
      <translation>缺少签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="87" />
      <source>New return…</source>
      <translation>新建退货…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="88" />
      <source>Sign…</source>
      <translation>签字…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="89" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="90" />
      <source>Set aside (manager)…</source>
      <translation>作废（经理）…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="102" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="153" />
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="224" />
      <source>New return</source>
      <translation>新建退货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="221" />
      <source>No orders found for that customer.</source>
      <translation>没有找到该客户的销售单。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="224" />
      <source>Which order?</source>
      <translation>哪一张销售单？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="250" />
      <source>No franchise contract on file: no return allowance (defects aside).</source>
      <translation>未登记加盟合同：没有退货额度（质量问题除外）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="253" />
      <source>Franchise return allowance: {allowance}, used {used}, {remaining} left.</source>
      <translation>加盟退货额度：{allowance}，已用 {used}，剩余 {remaining}。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="305" />
      <source>Handler login code</source>
      <translation>经手人工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="305" />
      <source>Manager login code</source>
      <translation>经理工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="307" />
      <source>Sign return slip {number}</source>
      <translation>退货单 {number} 签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="308" />
      <source>Signing as {role}.</source>
      <translation>以{role}身份签字。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/returns_dialog.py" line="379" />
      <source>Return slip {number} will never take effect.</source>
      <translation>退货单 {number} 将作废，永不生效。</translation>
    </message>
  </context>
  <context>
    <name>ScannerCheck</name>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="29" />
      <source>US (no change)</source>
      <translation>美式（不转换）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="30" />
      <source>French AZERTY</source>
      <translation>法语 AZERTY</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="31" />
      <source>German QWERTZ</source>
      <translation>德语 QWERTZ</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="41" />
      <source>Click here and scan the barcode above</source>
      <translation>点击此处后扫描上方条码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="45" />
      <source>Keyboard layout</source>
      <translation>键盘布局</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="46" />
      <source>Test barcode</source>
      <translation>测试条码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="47" />
      <source>What arrived</source>
      <translation>收到的内容</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="57" />
      <source>Not recognised: expected {expected}, got {arrived}. Check the scanner's settings (suffix Enter, no prefix).</source>
      <translation>无法识别：应为 {expected}，收到 {arrived}。请检查扫描枪设置（后缀回车，无前缀）。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="64" />
      <source>The scanner's codes arrive correctly.</source>
      <translation>扫描枪的条码接收正确。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/scanner_check.py" line="67" />
      <source>Codes arrive through the {layout} layout; they will be read back correctly.</source>
      <translation>条码经 {layout} 布局到达，将自动还原为正确内容。</translation>
    </message>
  </context>
  <context>
    <name>SecondPackerDialog</name>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="129" />
      <source>Second packer: {number}</source>
      <translation>第二位点货员：{number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="132" />
      <source>The customer is absent and only {name} has signed. The second packer signs in with their own login and PIN, or a manager sends the slip back to the queue.</source>
      <translation>客户不在场，目前只有 {name} 签名。请第二位点货员用自己的工号和密码签到，或由经理将单据退回待点队列。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="141" />
      <source>Second packer's login code</source>
      <translation>第二位点货员工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="142" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="145" />
      <source>Second packer signs</source>
      <translation>第二位点货员签到</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="146" />
      <source>Manager: back to the queue</source>
      <translation>经理：退回待点队列</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="159" />
      <source>Enter the login code and PIN.</source>
      <translation>请输入工号和密码。</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="47" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="56" />
      <source>Settlement counter</source>
      <translation>结算台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="57" />
      <source>Packing bench</source>
      <translation>打包台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="60" />
      <source>Empty: the embedded database on this computer</source>
      <translation>留空：使用本机内置数据库</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="68" />
      <source>Empty: the same printer</source>
      <translation>留空：使用同一台打印机</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="70" />
      <source>Keep a PDF of every print</source>
      <translation>每次打印都保存 PDF 存档</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="73" />
      <source>0: for good</source>
      <translation>0：永久保留</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="75" />
      <source>Days the printer's bytes of a printed job stay in the database once its PDF is archived</source>
      <translation>已打印且已存档 PDF 的作业，其打印数据在数据库中保留的天数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="83" />
      <source>window, or a pole display address</source>
      <translation>window（第二屏），或客显地址</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="84" />
      <source>Sounds</source>
      <translation>提示音</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="86" />
      <source>Speak the call-out</source>
      <translation>语音唱收唱付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="89" />
      <source>Pin 2</source>
      <translation>2 号针脚</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="90" />
      <source>Pin 5</source>
      <translation>5 号针脚</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="95" />
      <location filename="../../pos/ui/settings_dialog.py" line="100" />
      <source>One account per line: bank, branch, number, holder</source>
      <translation>每行一个账户：银行、支行、账号、户名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="105" />
      <source>Station name</source>
      <translation>工位名称</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="106" />
      <location filename="../../pos/ui/settings_dialog.py" line="128" />
      <source>Station</source>
      <translation>工位</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="109" />
      <source>Database URL</source>
      <translation>数据库地址</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="114" />
      <source>Keep printer bytes (days)</source>
      <translation>打印数据保留（天）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="135" />
      <source>Money</source>
      <translation>资金</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="224" />
      <source>Manager approval</source>
      <translation>经理批准</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="225" />
      <source>The cash drawer and in-store price rules need a manager.</source>
      <translation>钱箱和店内码价格规则的更改需要经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="229" />
      <source>Not saved: the drawer and price settings need a manager.</source>
      <translation>未保存：钱箱和价格设置需要经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="107" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="111" />
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="112" />
      <source>Label printer</source>
      <translation>标签打印机</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="108" />
      <source>Shop name</source>
      <translation>店名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="115" />
      <source>Serial scanner</source>
      <translation>串口扫描枪</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="120" />
      <source>These settings move money: a manager approves a change.</source>
      <translation>这些设置涉及钱款：更改需经理批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="123" />
      <source>Cash drawer pin</source>
      <translation>钱箱针脚</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="124" />
      <source>Drawer pulse (on,off ms)</source>
      <translation>钱箱脉冲（开,关 毫秒）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="125" />
      <source>In-store code rules</source>
      <translation>店内码规则</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="116" />
      <source>Customer display</source>
      <translation>客显</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="126" />
      <source>Bank accounts for transfers</source>
      <translation>收款银行账户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="128" />
      <source>Devices</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../pos/ui/settings_dialog.py" line="132" />
      <source>Scanner</source>
      <translation>扫描枪</translation>
    </message>
  </context>
  <context>
    <name>SettleDialog</name>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="34" />
      <source>Settle</source>
      <translation>结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="48" />
      <source>Customer takes the goods now without packing (the three copies print)</source>
      <translation>客户当场提货，不打包（仍打印三联单据）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="53" />
      <source>Cash handed over</source>
      <translation>客户付现金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="56" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="57" />
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="58" />
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="59" />
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="60" />
      <source>On account</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="65" />
      <source>Amount by that method</source>
      <translation>该方式支付金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="73" />
      <source>Shipping fee</source>
      <translation>运费</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="74" />
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="79" />
      <source>Other payment</source>
      <translation>其他支付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="81" />
      <source>Confirm payment</source>
      <translation>确认收款</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="119" />
      <source>Goods {amount}</source>
      <translation>商品 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="121" />
      <source>returns −{amount}</source>
      <translation>退货 −{amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="123" />
      <source>previous balance {amount}</source>
      <translation>上次欠款 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="125" />
      <source>shipping {amount}</source>
      <translation>运费 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="127" />
      <source>Due {amount}  {capitals}</source>
      <translation>应收 {amount}  {capitals}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="132" />
      <source>Change {amount}</source>
      <translation>找零 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="142" />
      <source>Exact {amount}</source>
      <translation>刚好 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="164" />
      <source>Check the amount</source>
      <translation>请核对金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="165" />
      <source>Cash handed over {tendered} for {due} due: is that right?</source>
      <translation>应收 {due}，客户付现 {tendered}：金额无误吗？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="171" />
      <source>Yes, take {amount}</source>
      <translation>无误，收 {amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="173" />
      <source>No, correct it</source>
      <translation>不对，重新输入</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/settle_dialog.py" line="182" />
      <source>This slip has not been printed for checking. Print it (F5) for the bench first, or tick 'takes the goods now without packing'.</source>
      <translation>此单尚未打印点货。请先按 F5 打印单据交打包台点货，或勾选“客户当场提货，不打包”。</translation>
    </message>
  </context>
  <context>
    <name>ShipmentForm</name>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="61" />
      <source>Ship order {number}</source>
      <translation>发货：{number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="68" />
      <source>Scan or type the waybill number</source>
      <translation>扫描或输入货单号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="77" />
      <source>kg, e.g. 3.2</source>
      <translation>公斤，例如 3.2</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="88" />
      <source>Record shipment (Ctrl+Enter)</source>
      <translation>记录发货 (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="91" />
      <source>Take out last box</source>
      <translation>取出最后一箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="93" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="97" />
      <source>Carrier</source>
      <translation>承运方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="98" />
      <source>Waybill No.</source>
      <translation>货单号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="99" />
      <source>Boxes (scan each label)</source>
      <translation>箱子（逐个扫描箱标）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="101" />
      <source>Weight</source>
      <translation>重量</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="102" />
      <source>Fee</source>
      <translation>运费</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="104" />
      <source>Who pays</source>
      <translation>付款方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="140" />
      <source>Freight {amount} was paid with the order.</source>
      <translation>运费 {amount} 已随订单付给本店。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="148" />
      <source>That is a sales slip, not a waybill: scan the carrier's waybill.</source>
      <translation>这是销售单，不是货单：请扫描承运方的货单。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="157" />
      <source>Box label {code} is of order {other}, not of {number}.</source>
      <translation>箱标 {code} 属于单据 {other}，不是 {number} 的。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="164" />
      <source>Box {box} of order {number} has been shipped already, or there is no such box.</source>
      <translation>单据 {number} 的第 {box} 箱已经发出，或没有这一箱。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="170" />
      <source>Box {box} was scanned twice.</source>
      <translation>第 {box} 箱扫描了两次。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="189" />
      <source>Box {box}  ({code})</source>
      <translation>第 {box} 箱  ({code})</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="192" />
      <source>{scanned} of the {count} boxes still here scanned</source>
      <translation>尚未发出的 {count} 箱中已扫描 {scanned} 箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="239" />
      <source>Only {scanned} of {count} boxes go in this shipment; {left} stay here. Record it?</source>
      <translation>本次发货只有 {count} 箱中的 {scanned} 箱；{left} 箱留下。确定记录吗？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="275" />
      <source>Close the form? The boxes scanned are not recorded.</source>
      <translation>关闭此表？已扫描的箱子不会被记录。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="195" />
      <source>({left} stay behind)</source>
      <translation>（{left} 箱留下）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="222" />
      <source>Carrier's rate: {fee} (leave the fee empty to charge it)</source>
      <translation>承运方运价：{fee}（运费留空即按此收取）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="235" />
      <source>Scan the label of every box that goes into this shipment.</source>
      <translation>请扫描本次发货每一箱的箱标。</translation>
    </message>
  </context>
  <context>
    <name>Shipping</name>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="38" />
      <source>Customer pays on delivery (到付)</source>
      <translation>到付（客户收货时付）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="39" />
      <source>Customer pays us (寄付)</source>
      <translation>寄付（客户付给我们）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/shipment_form.py" line="40" />
      <source>Shop pays</source>
      <translation>本店承担</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/state_text.py" line="13" />
      <source>Pickup</source>
      <translation>自提</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/state_text.py" line="15" />
      <source>to ship</source>
      <translation>待发货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/state_text.py" line="16" />
      <source>partly shipped</source>
      <translation>部分已发</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/state_text.py" line="17" />
      <source>shipped</source>
      <translation>已发货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/state_text.py" line="20" />
      <source>Send by: {way}</source>
      <translation>发货：{way}</translation>
    </message>
  </context>
  <context>
    <name>ShippingDialog</name>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="44" />
      <source>Shipping</source>
      <translation>发货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="50" />
      <location filename="../../pos/ui/shipping/dialog.py" line="113" />
      <source>Order</source>
      <translation>单号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="51" />
      <location filename="../../pos/ui/shipping/dialog.py" line="114" />
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="52" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="53" />
      <source>Send by</source>
      <translation>发货方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="54" />
      <location filename="../../pos/ui/shipping/dialog.py" line="117" />
      <source>Boxes</source>
      <translation>箱数</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="55" />
      <source>Shipped</source>
      <translation>已发</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="56" />
      <source>Packed</source>
      <translation>打包完成</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="62" />
      <source>Scan a box label, or choose an order and press Enter, to ship it.</source>
      <translation>扫描箱标，或选中单据按回车，即可发货。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="66" />
      <source>Calls to make ({count})</source>
      <translation>待通知客户 ({count})</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="69" />
      <source>Ready to ship</source>
      <translation>待发货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="70" />
      <source>Calls to make</source>
      <translation>待通知客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="71" />
      <source>Shipping record</source>
      <translation>发货记录</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="76" />
      <source>Close (Esc)</source>
      <translation>关闭 (Esc)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="79" />
      <source>Carriers and rates… (Ctrl+K)</source>
      <translation>承运方和运价… (Ctrl+K)</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="103" />
      <source>Customer name, number or phone</source>
      <translation>客户姓名、编号或电话</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="105" />
      <location filename="../../pos/ui/shipping/dialog.py" line="116" />
      <source>Waybill No.</source>
      <translation>货单号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="112" />
      <source>Handed over</source>
      <translation>交货时间</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="115" />
      <source>Carrier</source>
      <translation>承运方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="118" />
      <source>Fee</source>
      <translation>运费</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="119" />
      <source>Who pays</source>
      <translation>付款方</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="120" />
      <source>Arrives</source>
      <translation>预计到达</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="127" />
      <source>from</source>
      <translation>从</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="129" />
      <source>to</source>
      <translation>到</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="172" />
      <source>Ready to ship ({count})</source>
      <translation>待发货 ({count})</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="216" />
      <source>Scan a box label or a sales slip here to ship its order.</source>
      <translation>此处请扫描箱标或销售单，为其发货。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="248" />
      <source>Ship order {number}: {customer}</source>
      <translation>发货：{number} {customer}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="261" />
      <source>every box has left</source>
      <translation>全部箱子已发出</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="263" />
      <source>some boxes are still here</source>
      <translation>还有箱子未发</translation>
    </message>
    <message>
      <location filename="../../pos/ui/shipping/dialog.py" line="266" />
      <source>Shipped {boxes} box(es) of {number} by {carrier}, waybill {waybill}: {state}.</source>
      <translation>{number} 已发 {boxes} 箱，{carrier}，货单号 {waybill}：{state}。</translation>
    </message>
  </context>
  <context>
    <name>SignInPage</name>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="15" />
      <source>Counter &amp; Bench</source>
      <translation>柜台与打包台</translation>
    </message>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="21" />
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="26" />
      <source>Login code</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="27" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="47" />
      <source>Enter your login code.</source>
      <translation>请输入工号。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/sign_in.py" line="51" />
      <source>Enter your PIN.</source>
      <translation>请输入密码。</translation>
    </message>
  </context>
  <context>
    <name>SigningDialog</name>
    <message>
      <location filename="../../pos/ui/signature_pad.py" line="94" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../pos/ui/signature_pad.py" line="95" />
      <source>Signed on paper</source>
      <translation>已在纸上签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/signature_pad.py" line="118" />
      <source>The pad is empty: sign it, or choose 'Signed on paper'.</source>
      <translation>签字板是空的：请签字，或选择“已在纸上签字”。</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="38" />
      <source>cashier</source>
      <translation>收银员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="39" />
      <source>packer</source>
      <translation>打包员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="40" />
      <source>manager</source>
      <translation>经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="41" />
      <source>admin</source>
      <translation>管理员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="110" />
      <source>Staff</source>
      <translation>员工</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="115" />
      <source>Login code</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="115" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="115" />
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="115" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="121" />
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="122" />
      <source>New PIN…</source>
      <translation>新密码…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="123" />
      <source>Roles…</source>
      <translation>角色…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="124" />
      <location filename="../../pos/ui/staff_dialog.py" line="186" />
      <source>Deactivate…</source>
      <translation>停用…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="125" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="165" />
      <source>deactivated</source>
      <translation>已停用</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="167" />
      <source>locked until {time} UTC</source>
      <translation>锁定至 {time}（UTC）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="169" />
      <source>active</source>
      <translation>在用</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="186" />
      <source>Reactivate…</source>
      <translation>重新启用…</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="201" />
      <source>Add a staff member</source>
      <translation>添加员工</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="211" />
      <source>New PIN for {name}</source>
      <translation>{name} 的新密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="220" />
      <source>Roles of {name}</source>
      <translation>{name} 的角色</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="231" />
      <source>Deactivate {name} ({login})? They can no longer sign in or approve.</source>
      <translation>停用 {name}（{login}）？停用后不能再登录或批准。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="248" />
      <source>My new PIN</source>
      <translation>我的新密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/staff_dialog.py" line="259" />
      <source>Your new PIN is set.</source>
      <translation>新密码已设置。</translation>
    </message>
  </context>
  <context>
    <name>StartCheckDialog</name>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="45" />
      <source>Start check: {number}</source>
      <translation>开始点货：{number}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="49" />
      <source>Pickup (自提)</source>
      <translation>自提</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="56" />
      <source>Customer present</source>
      <translation>客户在场</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="57" />
      <source>Customer absent (two packers)</source>
      <translation>客户不在场（两人点货）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="67" />
      <source>Second packer's login code</source>
      <translation>第二位点货员工号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="68" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="72" />
      <source>A remote order, paid by transfer: the customer is not here, so two packers check it.</source>
      <translation>远程订单，已转账付款：客户不在场，须两名打包员点货。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="83" />
      <source>Name is right: start</source>
      <translation>名字正确：开始</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="84" />
      <source>Name is wrong</source>
      <translation>名字有误</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="90" />
      <source>Is this the customer's name, spelled right?</source>
      <translation>这是客户的名字吗？拼写正确吗？</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="99" />
      <source>Send by</source>
      <translation>发货方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/bench/dialogs.py" line="116" />
      <source>Customer absent: the second packer signs in too.</source>
      <translation>客户不在场：第二位点货员也要登录。</translation>
    </message>
  </context>
  <context>
    <name>Starting</name>
    <message>
      <location filename="../../pos/ui/starting.py" line="44" />
      <source>Counter &amp; Bench is getting ready…</source>
      <translation>正在准备，请稍候…</translation>
    </message>
  </context>
  <context>
    <name>TransferDialog</name>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="156" />
      <source>Transfer for order {number}</source>
      <translation>订单 {number} 的转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="161" />
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="162" />
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="163" />
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="168" />
      <source>The bank or account it came into</source>
      <translation>到账的银行或账户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="171" />
      <source>The reference number on the transfer</source>
      <translation>转账流水号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="174" />
      <source>To transfer: {amount}</source>
      <translation>应转账：{amount}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="179" />
      <source>Paid by</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="180" />
      <source>Bank</source>
      <translation>银行</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="181" />
      <source>Reference</source>
      <translation>流水号</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="182" />
      <source>Amount received</source>
      <translation>到账金额</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="185" />
      <source>Record transfer, to the bench (Enter)</source>
      <translation>登记转账，送点货台（Enter）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="193" />
      <source>Change the slip (Ctrl+R)</source>
      <translation>修改单据（Ctrl+R）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="194" />
      <source>Print the notice again (Ctrl+P)</source>
      <translation>再次打印付款通知（Ctrl+P）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="195" />
      <source>Copy the notice (Ctrl+Shift+C)</source>
      <translation>复制付款通知（Ctrl+Shift+C）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="196" />
      <source>The customer cancelled: void (Ctrl+Shift+Del)</source>
      <translation>客户取消：作废（Ctrl+Shift+Del）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="228" />
      <source>{amount} short: it stays on the customer's balance as owed.</source>
      <translation>少 {amount}：记为客户欠款。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="232" />
      <source>{amount} more: it becomes the customer's credit.</source>
      <translation>多 {amount}：记为客户余款。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/counter/remote_dialogs.py" line="235" />
      <source>The exact amount.</source>
      <translation>金额正好。</translation>
    </message>
  </context>
  <context>
    <name>Vocabulary</name>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="18" />
      <source>cashier</source>
      <translation>结算员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="19" />
      <source>packer</source>
      <translation>点货员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="20" />
      <source>manager</source>
      <translation>经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="21" />
      <source>admin</source>
      <translation>管理员</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="25" />
      <source>handler</source>
      <translation>经手人</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="26" />
      <source>customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="27" />
      <source>department manager</source>
      <translation>部门经理</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="28" />
      <source>checker</source>
      <translation>点货人</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="29" />
      <source>second checker</source>
      <translation>第二点货人</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="33" />
      <source>open</source>
      <translation>开单中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="34" />
      <source>waiting for the transfer</source>
      <translation>等待转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="35" />
      <source>printed, waiting for the bench</source>
      <translation>已打印、待点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="36" />
      <source>being checked</source>
      <translation>点货中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="37" />
      <source>checked</source>
      <translation>已点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="38" />
      <source>settled</source>
      <translation>已结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="39" />
      <location filename="../../pos/ui/vocabulary.py" line="43" />
      <source>voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="40" />
      <source>draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="41" />
      <source>awaiting signatures</source>
      <translation>待签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="42" />
      <source>complete</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="44" />
      <source>waiting to print</source>
      <translation>等待打印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="45" />
      <source>being sent</source>
      <translation>正在发送</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="46" />
      <source>printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="47" />
      <source>sent, unconfirmed</source>
      <translation>已发送，未确认</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="48" />
      <source>held: check the paper</source>
      <translation>已暂扣，请查看纸张</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="49" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="53" />
      <source>be printed for checking</source>
      <translation>打印点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="54" />
      <source>start checking</source>
      <translation>开始点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="55" />
      <source>finish checking</source>
      <translation>完成点货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="56" />
      <source>go back to the bench queue</source>
      <translation>退回点货队列</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="57" />
      <source>be settled</source>
      <translation>结算</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="58" />
      <source>be taken now unpacked</source>
      <translation>不打包直接取货</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="59" />
      <source>be voided</source>
      <translation>作废</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="60" />
      <source>get a payment notice</source>
      <translation>发付款通知</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="61" />
      <source>be opened again</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="62" />
      <source>have a transfer recorded</source>
      <translation>登记转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="65" />
      <source>sales slip</source>
      <translation>销售单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="66" />
      <source>receipt</source>
      <translation>收据</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="67" />
      <source>return slip</source>
      <translation>退货单</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="68" />
      <source>box label</source>
      <translation>箱标签</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="69" />
      <source>revised customer's copy</source>
      <translation>修订第三联</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="70" />
      <source>day-end report</source>
      <translation>日结报表</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="71" />
      <source>shipping voucher</source>
      <translation>发货凭证</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="72" />
      <source>payment notice</source>
      <translation>付款通知</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="73" />
      <source>cash drawer</source>
      <translation>钱箱</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="76" />
      <source>cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="77" />
      <source>bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="78" />
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="79" />
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="80" />
      <source>on account</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="84" />
      <source>items still to tick or cross out</source>
      <translation>还有商品未点或未划掉</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="85" />
      <source>a box is not sealed</source>
      <translation>有箱子未封</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="86" />
      <source>nothing is packed</source>
      <translation>没有装箱的商品</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="87" />
      <source>the checker has not signed</source>
      <translation>点货人未签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="88" />
      <source>the customer has not signed</source>
      <translation>客户未签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="89" />
      <source>the second packer has not signed</source>
      <translation>第二点货人未签字</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="90" />
      <source>a return slip lacks signatures</source>
      <translation>退货单签字未齐</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="92" />
      <source> or </source>
      <translation>或</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="92" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="93" />
      <source>copy {copy}</source>
      <translation>第{copy}联</translation>
    </message>
    <message>
      <location filename="../../pos/ui/vocabulary.py" line="94" />
      <source>box {box}</source>
      <translation>第{box}箱</translation>
    </message>
  </context>
  <context>
    <name>WindowDisplays</name>
    <message>
      <location filename="../../pos/ui/window_displays.py" line="48" />
      <source>Customer display: waiting for a second screen.</source>
      <translation>客显：等待第二块屏幕。</translation>
    </message>
  </context>
  <context>
    <name>WindowStatusBar</name>
    <message>
      <location filename="../../pos/ui/window_status.py" line="31" />
      <source>Station: {name}</source>
      <translation>工位：{name}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="32" />
      <source>nobody</source>
      <translation>未登录</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="33" />
      <source>Signed in: {name}</source>
      <translation>当前员工：{name}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="34" />
      <location filename="../../pos/ui/window_status.py" line="87" />
      <source>Database: {kind}</source>
      <translation>数据库：{kind}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="39" />
      <source>Voice off</source>
      <translation>语音已关闭</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="41" />
      <source>Voice: {engine}</source>
      <translation>语音：{engine}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="43" />
      <source>No voice</source>
      <translation>无语音</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="46" />
      <source>Not working here: {engines}</source>
      <translation>此处无法使用：{engines}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="62" />
      <source>Printer: {failed} job(s) held, check the paper and the print queue (F10)</source>
      <translation>打印机：{failed} 份作业已暂扣，请查看纸张和打印队列（F10）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="66" />
      <source>Printer: {waiting} job(s) waiting; {error}</source>
      <translation>打印机：{waiting} 个作业等待中；{error}</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="68" />
      <source>Printer: {waiting} job(s) waiting</source>
      <translation>打印机：{waiting} 个作业等待中</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="70" />
      <source>Printer: {uri} (not checked)</source>
      <translation>打印机：{uri}（未检测）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="72" />
      <source>Printer: {uri} ready ({status})</source>
      <translation>打印机：{uri} 就绪（{status}）</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="83" />
      <source>No answer from the database: the last action is not confirmed yet. It is being retried and will be stored once.</source>
      <translation>数据库没有应答：刚才的操作尚未确认，正在重试，只会记录一次。</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="99" />
      <source>no status reply</source>
      <translation>无状态回复</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="102" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="102" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="104" />
      <source>cover open</source>
      <translation>纸仓盖打开</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="107" />
      <source>paper OK</source>
      <translation>纸张正常</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="107" />
      <source>paper low</source>
      <translation>纸将用完</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="107" />
      <source>out of paper</source>
      <translation>缺纸</translation>
    </message>
    <message>
      <location filename="../../pos/ui/window_status.py" line="109" />
      <source>, </source>
      <translation>，</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>'{code}' is not a box label.</source>
      <translation>“{code}”不是箱标签。</translation>
    </message>
    <message>
      <source>'{code}' is not all digits.</source>
      <translation>“{code}”不全是数字。</translation>
    </message>
    <message>
      <source>'{value}' has more than two decimal places.</source>
      <translation>“{value}”的小数超过两位。</translation>
    </message>
    <message>
      <source>'{value}' is not a waybill number.</source>
      <translation>“{value}”不是货单号。</translation>
    </message>
    <message>
      <source>'{value}' is not a weight in kilograms.</source>
      <translation>“{value}”不是以公斤计的重量。</translation>
    </message>
    <message>
      <source>'{value}' is not an amount of money.</source>
      <translation>“{value}”不是有效金额。</translation>
    </message>
    <message>
      <source>A CUPS printer address names the queue: cups://QUEUE.</source>
      <translation>CUPS 打印机地址须写明队列：cups://队列名。</translation>
    </message>
    <message>
      <source>A PIN is 4 to 12 digits.</source>
      <translation>密码为4至12位数字。</translation>
    </message>
    <message>
      <source>A USB printer address is usb://VID:PID in hex, e.g. usb://0416:5011.</source>
      <translation>USB 打印机地址为十六进制 usb://VID:PID，例如 usb://0416:5011。</translation>
    </message>
    <message>
      <source>A bank account line is at most {maximum} characters.</source>
      <translation>每个收款账户最多 {maximum} 个字符。</translation>
    </message>
    <message>
      <source>A call is 'reached' or 'no_answer'.</source>
      <translation>通话结果只能是“已联系上”或“无人接听”。</translation>
    </message>
    <message>
      <source>A carrier's name is 1 to 40 characters.</source>
      <translation>承运商名称须为 1 到 40 个字。</translation>
    </message>
    <message>
      <source>A carrier's rates are amounts of zero or more.</source>
      <translation>承运商的运价须为零或以上的金额。</translation>
    </message>
    <message>
      <source>A contract has both a first and a last day.</source>
      <translation>合同须同时填写开始日和结束日。</translation>
    </message>
    <message>
      <source>A drawer opening is not sent to another printer: the drawer hangs on its own printer.</source>
      <translation>开钱箱不能转到别的打印机：钱箱接在它自己的打印机上。</translation>
    </message>
    <message>
      <source>A franchise contract is entered with a manager's approval.</source>
      <translation>加盟合同须经理批准后录入。</translation>
    </message>
    <message>
      <source>A login code is 1 to 20 letters, digits, '.', '_' or '-'.</source>
      <translation>工号为1至20位字母、数字或“.”、“_”、“-”。</translation>
    </message>
    <message>
      <source>A name is required.</source>
      <translation>必须填写姓名。</translation>
    </message>
    <message>
      <source>A network printer address needs a host: tcp://192.168.1.50:9100.</source>
      <translation>网络打印机地址须包含主机：tcp://192.168.1.50:9100。</translation>
    </message>
    <message>
      <source>A note is at most {most} characters.</source>
      <translation>备注最多 {most} 个字。</translation>
    </message>
    <message>
      <source>A payment cannot be negative.</source>
      <translation>支付金额不能为负数。</translation>
    </message>
    <message>
      <source>A phone number is 6 to 20 digits (spaces and '-' allowed).</source>
      <translation>电话号码为6至20位数字（可含空格和“-”）。</translation>
    </message>
    <message>
      <source>A pole display needs a device address.</source>
      <translation>客显需要设备地址。</translation>
    </message>
    <message>
      <source>A price cannot be negative.</source>
      <translation>价格不能为负数。</translation>
    </message>
    <message>
      <source>A price change needs a reason.</source>
      <translation>改价必须填写原因。</translation>
    </message>
    <message>
      <source>A print job that is {status} cannot change that way.</source>
      <translation>状态为“{status}”的打印任务不能这样更改。</translation>
    </message>
    <message>
      <source>A rate by weight needs a price for the first kilogram.</source>
      <translation>按重量计费须填首重（第一公斤）价格。</translation>
    </message>
    <message>
      <source>A rate per box needs a price per box.</source>
      <translation>按箱计费须填每箱价格。</translation>
    </message>
    <message>
      <source>A reason is required to cancel a print job.</source>
      <translation>取消打印作业必须填写原因。</translation>
    </message>
    <message>
      <source>A refund goes back by the original payment method or as account credit.</source>
      <translation>退款按原支付方式退回，或计入账户余额。</translation>
    </message>
    <message>
      <source>A remote order is taken by phone, video call or the website.</source>
      <translation>远程订单来自电话、视频或网站。</translation>
    </message>
    <message>
      <source>A reprint needs a manager's approval.</source>
      <translation>重印需经理批准。</translation>
    </message>
    <message>
      <source>A return reason is one of: unwanted, defective, wrong item, other.</source>
      <translation>退货原因只能是：客户不要、质量问题、错货、其他。</translation>
    </message>
    <message>
      <source>A return slip is signed by the handler, the customer and a manager.</source>
      <translation>退货单由经手人、客户和部门经理签字。</translation>
    </message>
    <message>
      <source>A return slip that is {status} cannot change that way.</source>
      <translation>状态为“{status}”的退货单不能这样更改。</translation>
    </message>
    <message>
      <source>A second packer signs only when the customer is absent.</source>
      <translation>只有客户不在场时才需要第二位点货员签字。</translation>
    </message>
    <message>
      <source>A serial scanner is given as serial:///dev/ttyUSB0?baudrate=9600.</source>
      <translation>串口扫描枪的写法为 serial:///dev/ttyUSB0?baudrate=9600。</translation>
    </message>
    <message>
      <source>A shipping fee cannot be negative.</source>
      <translation>运费不能为负数。</translation>
    </message>
    <message>
      <source>A transfer comes by bank, WeChat or Alipay.</source>
      <translation>转账方式为银行、微信或支付宝。</translation>
    </message>
    <message>
      <source>Amount is too large.</source>
      <translation>金额过大。</translation>
    </message>
    <message>
      <source>An in-store code carries a price or a weight.</source>
      <translation>店内码只能包含价格或重量。</translation>
    </message>
    <message>
      <source>An in-store code has 3 to 7 item digits.</source>
      <translation>店内码的商品位数为 3 到 7 位。</translation>
    </message>
    <message>
      <source>An in-store code prefix is 20 to 29.</source>
      <translation>店内码前缀为 20 到 29。</translation>
    </message>
    <message>
      <source>An in-store rule is PREFIX:ITEM_DIGITS:price|weight[:DECIMALS], e.g. 22:5:weight:1.</source>
      <translation>店内码规则写法为 前缀:商品位数:price|weight[:小数位]，例如 22:5:weight:1。</translation>
    </message>
    <message>
      <source>An order that is {status} cannot {action}.</source>
      <translation>状态为“{status}”的订单不能{action}。</translation>
    </message>
    <message>
      <source>An order with no lines cannot be printed or paid.</source>
      <translation>没有商品的订单不能打印，也不能结算。</translation>
    </message>
    <message>
      <source>An override needs a written reason.</source>
      <translation>特批必须填写书面原因。</translation>
    </message>
    <message>
      <source>Another station changed this at the same moment; look again and retry.</source>
      <translation>另一台工作站同时修改了这条记录，请重新查看后再试。</translation>
    </message>
    <message>
      <source>At least one role is required (cashier, packer, manager, admin).</source>
      <translation>至少需要一个角色（cashier 结算员、packer 点货员、manager 经理、admin 管理员）。</translation>
    </message>
    <message>
      <source>Beyond the franchise return allowance: {used} of {allowance} used, {remaining} left, this return {amount}. A manager may override with a reason.</source>
      <translation>超出加盟退货额度：额度 {allowance}，已用 {used}，剩余 {remaining}，本次退货 {amount}。经理可填写原因特批。</translation>
    </message>
    <message>
      <source>Both packers confirm copy 3 is in the box.</source>
      <translation>两位点货员须确认第三联已放入箱内。</translation>
    </message>
    <message>
      <source>Box label {code} is of order {other}, not of {number}.</source>
      <translation>箱标签 {code} 属于销售单 {other}，不是 {number}。</translation>
    </message>
    <message>
      <source>Box {box} holds fewer than {count} of {code}.</source>
      <translation>第 {box} 箱中的 {code} 少于 {count} 件。</translation>
    </message>
    <message>
      <source>Box {box} is empty: an empty box is not sealed.</source>
      <translation>第 {box} 箱是空的：空箱不能封箱。</translation>
    </message>
    <message>
      <source>Box {box} is open and still empty: pack into it first.</source>
      <translation>第 {box} 箱已打开但还是空的：请先装箱。</translation>
    </message>
    <message>
      <source>Box {box} is sealed: its contents cannot change.</source>
      <translation>第 {box} 箱已封箱，不能再改动。</translation>
    </message>
    <message>
      <source>Box {box} of order {number} has been shipped already.</source>
      <translation>销售单 {number} 的第 {box} 箱已经发出。</translation>
    </message>
    <message>
      <source>Box {box} was scanned twice.</source>
      <translation>第 {box} 箱扫了两次。</translation>
    </message>
    <message>
      <source>Boxes of order {number} have been shipped: the way of sending is settled.</source>
      <translation>销售单 {number} 已有箱发出，发货方式不能再改。</translation>
    </message>
    <message>
      <source>CUPS did not accept the job within {seconds} s.</source>
      <translation>CUPS 在 {seconds} 秒内未接收作业。</translation>
    </message>
    <message>
      <source>CUPS is not installed here (no 'lp' command).</source>
      <translation>本机未安装 CUPS（没有 lp 命令）。</translation>
    </message>
    <message>
      <source>CUPS refused the job: {reason}</source>
      <translation>CUPS 拒绝了作业：{reason}</translation>
    </message>
    <message>
      <source>Cannot connect to {address}: {reason}</source>
      <translation>无法连接打印机 {address}：{reason}</translation>
    </message>
    <message>
      <source>Cannot open the database file {where}. Check that its disk is connected and the folder is there, then try again.</source>
      <translation>无法打开数据库文件 {where}。请检查其所在磁盘已连接、文件夹存在，然后重试。</translation>
    </message>
    <message>
      <source>Cannot open the database {url}: {reason}</source>
      <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
      <source>Cannot open {uri}: {reason}</source>
      <translation>无法打开 {uri}：{reason}</translation>
    </message>
    <message>
      <source>Cannot reach the database server at {where}. Check the network cable and that the server is running, then try again.</source>
      <translation>无法连接位于 {where} 的数据库服务器。请检查网线，并确认服务器正在运行，然后重试。</translation>
    </message>
    <message>
      <source>Cannot reach the database. Check the network cable and that the database server is running, then try again.</source>
      <translation>无法连接数据库。请检查网线，并确认数据库服务器正在运行，然后重试。</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <source>Cash handed over ({tendered}) is less than the cash part ({amount}).</source>
      <translation>客户付现（{tendered}）少于现金应付部分（{amount}）。</translation>
    </message>
    <message>
      <source>Choose at least one item to return.</source>
      <translation>请至少选择一件退货商品。</translation>
    </message>
    <message>
      <source>Choose the customer before the first scan of a slip.</source>
      <translation>扫第一件商品前，请先选择客户。</translation>
    </message>
    <message>
      <source>Choose two different boxes of this order.</source>
      <translation>请选择本单的两个不同箱子。</translation>
    </message>
    <message>
      <source>Connection lost after {sent} of {total} bytes: check the printout.</source>
      <translation>发送 {sent}/{total} 字节后连接中断：请检查打印出的纸张。</translation>
    </message>
    <message>
      <source>Copies are 1, 2 and 3.</source>
      <translation>联次只能是 1、2、3。</translation>
    </message>
    <message>
      <source>Counted amounts cannot be negative.</source>
      <translation>清点金额不能为负数。</translation>
    </message>
    <message>
      <source>Customer absent: both packers ({names}) confirm copy 3 is in box {box}.</source>
      <translation>客户不在场：两位点货员（{names}）须确认第三联已放入第 {box} 箱。</translation>
    </message>
    <message>
      <source>Customer type must be wholesale or franchise.</source>
      <translation>客户类型必须是批发或加盟。</translation>
    </message>
    <message>
      <source>Database URL must start with sqlite:// or postgresql+psycopg://.</source>
      <translation>数据库地址必须以 sqlite:// 或 postgresql+psycopg:// 开头。</translation>
    </message>
    <message>
      <source>Days to arrive is a whole number from 0 to {most}.</source>
      <translation>到货天数须为 0 到 {most} 的整数。</translation>
    </message>
    <message>
      <source>Enter at least one payment.</source>
      <translation>请至少输入一笔付款。</translation>
    </message>
    <message>
      <source>Enter or scan the waybill number (货单号).</source>
      <translation>请输入或扫描货单号。</translation>
    </message>
    <message>
      <source>Every box of order {number} has been shipped.</source>
      <translation>单据 {number} 的所有箱子都已发出。</translation>
    </message>
    <message>
      <source>Every box of order {number} is sealed: open a new box (F8).</source>
      <translation>销售单 {number} 的箱子都已封箱：请开新箱（F8）。</translation>
    </message>
    <message>
      <source>File not found: {path}</source>
      <translation>找不到文件：{path}</translation>
    </message>
    <message>
      <source>Give the reason for voiding slip {number}.</source>
      <translation>请填写作废单据 {number} 的原因。</translation>
    </message>
    <message>
      <source>Give the transfer's reference number, so it can be found again.</source>
      <translation>请填写转账流水号，以便查找。</translation>
    </message>
    <message>
      <source>Interrupted while sending (the app stopped): check the printout, then retry or cancel.</source>
      <translation>发送时中断（程序已停止）：请检查打印出的纸张，再重试或取消。</translation>
    </message>
    <message>
      <source>Item {code} {name} is no longer sold.</source>
      <translation>商品 {code} {name} 已停售。</translation>
    </message>
    <message>
      <source>Language must be one of {choices}.</source>
      <translation>语言必须是以下之一：{choices}。</translation>
    </message>
    <message>
      <source>Login code {login_code} is already taken.</source>
      <translation>工号 {login_code} 已被使用。</translation>
    </message>
    <message>
      <source>No call task {task}.</source>
      <translation>没有通知任务 {task}。</translation>
    </message>
    <message>
      <source>No carrier '{name}': choose one of the carriers in settings.</source>
      <translation>没有承运商“{name}”：请从设置中的承运商里选择。</translation>
    </message>
    <message>
      <source>No code was entered.</source>
      <translation>未输入货号。</translation>
    </message>
    <message>
      <source>No customer with number {number}.</source>
      <translation>没有编号为 {number} 的客户。</translation>
    </message>
    <message>
      <source>No day end {id}.</source>
      <translation>没有编号为 {id} 的日结记录。</translation>
    </message>
    <message>
      <source>No item with code {code}.</source>
      <translation>没有货号或条码为 {code} 的商品。</translation>
    </message>
    <message>
      <source>No order with number {number}.</source>
      <translation>没有单号为 {number} 的销售单。</translation>
    </message>
    <message>
      <source>No preview folder is set.</source>
      <translation>未设置预览文件夹。</translation>
    </message>
    <message>
      <source>No print job {id}.</source>
      <translation>没有编号为 {id} 的打印作业。</translation>
    </message>
    <message>
      <source>No printer is connected at {uri}: check the cable and the address.</source>
      <translation>{uri} 没有连接打印机：请检查连线和地址。</translation>
    </message>
    <message>
      <source>No return slip with number {number}.</source>
      <translation>没有单号为 {number} 的退货单。</translation>
    </message>
    <message>
      <source>No staff member has login code {login_code}.</source>
      <translation>没有工号为 {login_code} 的员工。</translation>
    </message>
    <message>
      <source>Not a file: {path}</source>
      <translation>不是文件：{path}</translation>
    </message>
    <message>
      <source>Not allowed to open {uri}: add this user to the dialout group.</source>
      <translation>没有权限打开 {uri}：请把当前用户加入 dialout 组。</translation>
    </message>
    <message>
      <source>Not allowed to use the USB printer {uri}: add a udev rule giving this user access (see the README's Printing section), then plug it in again.</source>
      <translation>没有权限使用 USB 打印机 {uri}：请添加 udev 规则给当前用户授权（见 README 的打印一节），然后重新插上打印机。</translation>
    </message>
    <message>
      <source>Nothing is packed in a box yet.</source>
      <translation>还没有商品装箱。</translation>
    </message>
    <message>
      <source>Nothing was crossed out on order {number}: the customer's copy printed for checking is right.</source>
      <translation>订单 {number} 没有划除的货品：点货时打印的第三联就是对的。</translation>
    </message>
    <message>
      <source>Only a video call has an appointment time.</source>
      <translation>只有视频订单有预约时间。</translation>
    </message>
    <message>
      <source>Only cash is handed over and given change.</source>
      <translation>只有现金才有找零。</translation>
    </message>
    <message>
      <source>Only franchise customers with credit may pay on account.</source>
      <translation>只有有信用额度的加盟客户才能挂账。</translation>
    </message>
    <message>
      <source>Only sales slips, receipts, return slips, refund receipts and box labels are reprinted from the print queue: print this one again where it was made.</source>
      <translation>打印队列只能重印销售单、收据、退货单、退款收据和箱标签：这份请到原来打印它的地方再打印。</translation>
    </message>
    <message>
      <source>Only {left} of {code} {name} can still be returned on order {number}.</source>
      <translation>销售单 {number} 上的 {code} {name} 最多还能退 {left} 件。</translation>
    </message>
    <message>
      <source>Only {remaining} of {code} {name} are left to cross out.</source>
      <translation>{code} {name} 只剩 {remaining} 件可划除。</translation>
    </message>
    <message>
      <source>Opening the drawer without a sale needs a reason.</source>
      <translation>无销售开钱箱必须填写原因。</translation>
    </message>
    <message>
      <source>Order {number} has crossed-out items or a sealed box: it cannot go back to the queue.</source>
      <translation>单据 {number} 已有划掉的商品或已封的箱子，不能退回待点队列。</translation>
    </message>
    <message>
      <source>Order {number} has its second packer already.</source>
      <translation>销售单 {number} 已有第二位点货员。</translation>
    </message>
    <message>
      <source>Order {number} has no box {box}.</source>
      <translation>销售单 {number} 没有第 {box} 箱。</translation>
    </message>
    <message>
      <source>Order {number} has no boxes to label.</source>
      <translation>销售单 {number} 没有可贴标签的箱子。</translation>
    </message>
    <message>
      <source>Order {number} has no line {position}.</source>
      <translation>销售单 {number} 没有第 {position} 行。</translation>
    </message>
    <message>
      <source>Order {number} has no lines to print.</source>
      <translation>销售单 {number} 没有可打印的商品。</translation>
    </message>
    <message>
      <source>Order {number} has no lines to settle.</source>
      <translation>销售单 {number} 没有可结算的商品。</translation>
    </message>
    <message>
      <source>Order {number} has no payment yet: there is no receipt to print.</source>
      <translation>销售单 {number} 尚未付款，没有收据可打印。</translation>
    </message>
    <message>
      <source>Order {number} has not been checked: settle it once the bench has checked it, or let the customer take it now unpacked.</source>
      <translation>销售单 {number} 尚未点货：请在打包台点货无误后结算，或由客户不打包直接取货。</translation>
    </message>
    <message>
      <source>Order {number} has not been printed for checking yet.</source>
      <translation>单据 {number} 尚未打印点货。</translation>
    </message>
    <message>
      <source>Order {number} is a remote order waiting for its transfer: record the transfer when it arrives (Ctrl+T).</source>
      <translation>订单 {number} 是等待转账的远程订单：到款后登记转账（Ctrl+T）。</translation>
    </message>
    <message>
      <source>Order {number} is a remote order: the customer is not here, so two packers check it (customer absent).</source>
      <translation>订单 {number} 是远程订单：客户不在场，须两名打包员点货（客户不在场）。</translation>
    </message>
    <message>
      <source>Order {number} is at the bench already; settle it when checked.</source>
      <translation>销售单 {number} 已在打包台，请点货完毕后结算。</translation>
    </message>
    <message>
      <source>Order {number} is checked already.</source>
      <translation>单据 {number} 已点货完毕。</translation>
    </message>
    <message>
      <source>Order {number} is not finished: {problem}</source>
      <translation>单据 {number} 尚未完成：{problem}</translation>
    </message>
    <message>
      <source>Order {number} is not packed yet: ship it once the bench has checked it.</source>
      <translation>销售单 {number} 还没有打包：打包台点货完成后再发货。</translation>
    </message>
    <message>
      <source>Order {number} is not waiting for a transfer.</source>
      <translation>订单 {number} 不在等待转账。</translation>
    </message>
    <message>
      <source>Order {number} is paid already.</source>
      <translation>销售单 {number} 已结算。</translation>
    </message>
    <message>
      <source>Order {number} is short of what the customer paid for: call them first (Shift+F11, calls to make) and record that they were reached.</source>
      <translation>订单 {number} 与客户所付货品有差：请先联系客户（Shift+F11，待打电话）并登记已联系上。</translation>
    </message>
    <message>
      <source>Order {number} is void.</source>
      <translation>销售单 {number} 已作废。</translation>
    </message>
    <message>
      <source>Order {number} is voided.</source>
      <translation>销售单 {number} 已作废。</translation>
    </message>
    <message>
      <source>Order {number} is waiting in the bench queue: load it first.</source>
      <translation>单据 {number} 还在待点队列中：请先载入。</translation>
    </message>
    <message>
      <source>Order {number} is {status}: its lines can no longer change.</source>
      <translation>销售单 {number} 状态为“{status}”，商品行不能再修改。</translation>
    </message>
    <message>
      <source>Paper width must be 58 or 80 (mm).</source>
      <translation>纸宽必须是 58 或 80（毫米）。</translation>
    </message>
    <message>
      <source>Payments ({paid}) are less than the amount due ({due}).</source>
      <translation>付款合计（{paid}）少于应收金额（{due}）。</translation>
    </message>
    <message>
      <source>Payments ({paid}) are more than the amount due ({due}).</source>
      <translation>付款合计（{paid}）多于应收金额（{due}）。</translation>
    </message>
    <message>
      <source>Phone {phone} is already on file for {names}.</source>
      <translation>电话 {phone} 已登记在客户 {names} 名下。</translation>
    </message>
    <message>
      <source>Print job {id} is {status}: nothing to change.</source>
      <translation>打印作业 {id} 状态为“{status}”，无需更改。</translation>
    </message>
    <message>
      <source>Printer bytes are kept 0 (for good) to {maximum} days.</source>
      <translation>打印数据保留天数为 0（永久）到 {maximum} 天。</translation>
    </message>
    <message>
      <source>Printer option status is 'none' (it never answers) or 'yes'.</source>
      <translation>打印机选项 status 只能是 none（从不回应）或 yes。</translation>
    </message>
    <message>
      <source>Printer option {key} must be a number.</source>
      <translation>打印机选项 {key} 必须是数字。</translation>
    </message>
    <message>
      <source>Quantity must be between 1 and {maximum}.</source>
      <translation>数量必须在1到{maximum}之间。</translation>
    </message>
    <message>
      <source>Return slip {number} is complete: it takes no more signatures.</source>
      <translation>退货单 {number} 已生效，不能再签字。</translation>
    </message>
    <message>
      <source>Return slip {number} is signed by the customer already.</source>
      <translation>退货单 {number} 客户已签字。</translation>
    </message>
    <message>
      <source>Return slip {number} is signed by the handler already.</source>
      <translation>退货单 {number} 经手人已签字。</translation>
    </message>
    <message>
      <source>Return slip {number} is signed by the manager already.</source>
      <translation>退货单 {number} 部门经理已签字。</translation>
    </message>
    <message>
      <source>Return slip {number} was not refunded: there is no refund receipt.</source>
      <translation>退货单 {number} 没有退款：没有退款收据。</translation>
    </message>
    <message>
      <source>Return slip {number} was set aside: it takes no more signatures.</source>
      <translation>退货单 {number} 已作废，不能再签字。</translation>
    </message>
    <message>
      <source>Return slip {slip} needs its three signatures.</source>
      <translation>退货单 {slip} 需要三方签字。</translation>
    </message>
    <message>
      <source>Say what the other reason is.</source>
      <translation>请说明其他原因。</translation>
    </message>
    <message>
      <source>Say why the item is ticked by hand.</source>
      <translation>请说明手工点货的原因。</translation>
    </message>
    <message>
      <source>Scan the label of every box that goes into this shipment.</source>
      <translation>请扫描本次发货每一箱的箱标签。</translation>
    </message>
    <message>
      <source>Scanner layout must be one of {choices}.</source>
      <translation>扫描枪键盘布局必须是以下之一：{choices}。</translation>
    </message>
    <message>
      <source>Seal box {box} first.</source>
      <translation>请先封第 {box} 箱。</translation>
    </message>
    <message>
      <source>Sending to {uri} failed: {reason}</source>
      <translation>发送到 {uri} 失败：{reason}</translation>
    </message>
    <message>
      <source>Setting '{key}' in {path} must be text.</source>
      <translation>{path} 中的设置项“{key}”必须是文本。</translation>
    </message>
    <message>
      <source>Setting '{key}' in {path} must be true or false.</source>
      <translation>{path} 中的设置项“{key}”必须是 true 或 false。</translation>
    </message>
    <message>
      <source>Setting '{key}' in {path}: {problem}</source>
      <translation>设置文件 {path} 中的 '{key}'：{problem}</translation>
    </message>
    <message>
      <source>Setting a return slip aside needs a reason.</source>
      <translation>作废退货单必须填写原因。</translation>
    </message>
    <message>
      <source>Settings file {path} is not valid TOML: {reason}</source>
      <translation>设置文件 {path} 不是有效的 TOML：{reason}</translation>
    </message>
    <message>
      <source>Shipped wholesale goods are exchanged only for a wrong or defective item. A manager may override with a reason.</source>
      <translation>发货的批发商品只有错货或质量问题才能调换。经理可填写原因特批。</translation>
    </message>
    <message>
      <source>Sign in first.</source>
      <translation>请先登录。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: only a slip not yet printed can be voided at the counter.</source>
      <translation>单据 {number} 不能在结算台作废（{status}）：只有尚未打印的单据可以作废。</translation>
    </message>
    <message>
      <source>Someone else must approve this: {name} cannot approve their own request.</source>
      <translation>必须由他人批准：{name} 不能批准自己的请求。</translation>
    </message>
    <message>
      <source>Something unexpected went wrong. The details are written to {log}; tell whoever looks after this station.</source>
      <translation>发生了意外错误。详细信息已写入 {log}；请告知本工位的维护人员。</translation>
    </message>
    <message>
      <source>Staff sign with their login code and PIN.</source>
      <translation>员工用工号和密码签字。</translation>
    </message>
    <message>
      <source>Station must be one of {choices}.</source>
      <translation>工位必须是以下之一：{choices}。</translation>
    </message>
    <message>
      <source>Station name cannot be empty.</source>
      <translation>工位名称不能为空。</translation>
    </message>
    <message>
      <source>Station {station} is already running on this computer with this database. Use its window instead of starting it again.</source>
      <translation>工位“{station}”已在本机使用此数据库运行。请使用已打开的窗口，不要重复启动。</translation>
    </message>
    <message>
      <source>The amount due is negative: refund it through a return slip.</source>
      <translation>应收金额为负：请通过退货单退款。</translation>
    </message>
    <message>
      <source>The amount transferred must be more than zero.</source>
      <translation>转账金额必须大于零。</translation>
    </message>
    <message>
      <source>The bench has not finished checking order {number}.</source>
      <translation>打包台尚未完成销售单 {number} 的点货。</translation>
    </message>
    <message>
      <source>The checker has not signed.</source>
      <translation>点货人尚未签名。</translation>
    </message>
    <message>
      <source>The code contains characters no barcode carries.</source>
      <translation>货号中含有条码不会包含的字符。</translation>
    </message>
    <message>
      <source>The code is {length} characters long; item codes are at most {maximum}.</source>
      <translation>输入长度为{length}个字符，货号最多{maximum}个字符。</translation>
    </message>
    <message>
      <source>The connection to {address} was lost before the job: nothing was sent.</source>
      <translation>与 {address} 的连接在发送作业前断开：什么都没有发送。</translation>
    </message>
    <message>
      <source>The contract ends before it starts.</source>
      <translation>合同的结束日早于开始日。</translation>
    </message>
    <message>
      <source>The customer handed over {tendered}, less than the {due} due.</source>
      <translation>客户付了 {tendered}，少于应收的 {due}。</translation>
    </message>
    <message>
      <source>The customer has not signed yet.</source>
      <translation>客户尚未签字。</translation>
    </message>
    <message>
      <source>The customer is absent: the second packer signs in before a box is sealed.</source>
      <translation>客户不在场：封箱前第二位点货员须先登录。</translation>
    </message>
    <message>
      <source>The customer is absent: the second packer signs in too.</source>
      <translation>客户不在场：第二位点货员也须签到。</translation>
    </message>
    <message>
      <source>The customer is absent: two packers sign instead.</source>
      <translation>客户不在场：由两位点货员签字。</translation>
    </message>
    <message>
      <source>The customer signs on the pad or on paper.</source>
      <translation>客户在签字板或纸上签字。</translation>
    </message>
    <message>
      <source>The customer was reached already: the task is done.</source>
      <translation>已经联系上客户，此任务已完成。</translation>
    </message>
    <message>
      <source>The customer's address holds control characters ({found}); type it again.</source>
      <translation>客户地址含有控制字符（{found}），请重新输入。</translation>
    </message>
    <message>
      <source>The customer's address is longer than 300 characters.</source>
      <translation>客户地址超过 300 个字符。</translation>
    </message>
    <message>
      <source>The customer's address is required.</source>
      <translation>必须填写客户地址。</translation>
    </message>
    <message>
      <source>The customer's name holds control characters ({found}); type it again.</source>
      <translation>客户姓名含有控制字符（{found}），请重新输入。</translation>
    </message>
    <message>
      <source>The customer's name is longer than 100 characters.</source>
      <translation>客户姓名超过100个字符。</translation>
    </message>
    <message>
      <source>The customer's name is required.</source>
      <translation>必须填写客户姓名。</translation>
    </message>
    <message>
      <source>The database cannot be written to; nothing was saved. Check the disk and its permissions, then try again.</source>
      <translation>数据库无法写入，未保存任何内容。请检查磁盘及其权限，然后重试。</translation>
    </message>
    <message>
      <source>The database could not be upgraded from {old} to {new}; nothing in it was changed. A copy from before the attempt is at {backup}. Keep using the previous release and send pos.log to support.</source>
      <translation>数据库无法从 {old} 升级到 {new}，其中内容未作任何改动。升级前的副本保存在 {backup}。请继续使用上一版本，并把 pos.log 发给技术支持。</translation>
    </message>
    <message>
      <source>The database could not be upgraded from {old} to {new}; nothing in it was changed. Keep using the previous release and send pos.log to support.</source>
      <translation>数据库无法从 {old} 升级到 {new}，其中内容未作任何改动。请继续使用上一版本，并把 pos.log 发给技术支持。</translation>
    </message>
    <message>
      <source>The database is busy with other stations' changes; wait a moment and try again.</source>
      <translation>数据库正忙于处理其他工位的更改；请稍等片刻再试。</translation>
    </message>
    <message>
      <source>The database server at {where} accepts no changes (it is read-only); nothing was saved. Connect this station to the main server, then try again.</source>
      <translation>位于 {where} 的数据库服务器为只读，不接受更改，未保存任何内容。请将本工位连接到主服务器后重试。</translation>
    </message>
    <message>
      <source>The database server at {where} has no database named {name}. Check the database name in the settings, or create the database on the server, then try again.</source>
      <translation>位于 {where} 的数据库服务器上没有名为 {name} 的数据库。请检查设置中的数据库名称，或在服务器上创建该数据库，然后重试。</translation>
    </message>
    <message>
      <source>The database server at {where} has no user named {name}. Check the user name in the settings, then try again.</source>
      <translation>位于 {where} 的数据库服务器上没有名为 {name} 的用户。请检查设置中的用户名，然后重试。</translation>
    </message>
    <message>
      <source>The database server at {where} refused the password of user {name}. Check the password in the settings (or the .pgpass file), then try again.</source>
      <translation>位于 {where} 的数据库服务器拒绝了用户 {name} 的密码。请检查设置中的密码（或 .pgpass 文件），然后重试。</translation>
    </message>
    <message>
      <source>The database server's disk is full; nothing was saved. Free space on the server at {where} and try again.</source>
      <translation>数据库服务器的磁盘已满，未保存任何内容。请清理 {where} 服务器上的磁盘空间后重试。</translation>
    </message>
    <message>
      <source>The disk is full; nothing was saved. Free space on the disk and try again.</source>
      <translation>磁盘已满，未保存任何内容。请清理磁盘空间后重试。</translation>
    </message>
    <message>
      <source>The disk is full; nothing was saved. Free space on the disk of {where} and try again.</source>
      <translation>磁盘已满，未保存任何内容。请清理 {where} 所在磁盘的空间后重试。</translation>
    </message>
    <message>
      <source>The drawer is on pin 2 or 5, with pulses of 1 to 510 ms.</source>
      <translation>钱箱接在 2 号或 5 号针脚，脉冲为 1 到 510 毫秒。</translation>
    </message>
    <message>
      <source>The drawer pulse is two numbers of milliseconds, e.g. 50,500.</source>
      <translation>钱箱脉冲为两个毫秒数，例如 50,500。</translation>
    </message>
    <message>
      <source>The handler and the manager must be different people.</source>
      <translation>经手人和部门经理必须是不同的人。</translation>
    </message>
    <message>
      <source>The header row lacks the column(s): {missing}.</source>
      <translation>表头缺少列：{missing}。</translation>
    </message>
    <message>
      <source>The number of boxes is a whole number from 1 to {most}.</source>
      <translation>箱数须为 1 到 {most} 的整数。</translation>
    </message>
    <message>
      <source>The preview printer has nothing to test.</source>
      <translation>预览打印机无需测试。</translation>
    </message>
    <message>
      <source>The printer at {address} did not answer a status request: nothing was sent. If it never answers, add status=none to its address.</source>
      <translation>打印机 {address} 没有回应状态查询：什么都没有发送。如果这台打印机从不回应，请在它的地址后加上 status=none。</translation>
    </message>
    <message>
      <source>The printer at {uri} did not answer a status request: nothing was sent. If it never answers, add status=none to its address.</source>
      <translation>打印机 {uri} 没有回应状态查询：什么都没有发送。如果这台打印机从不回应，请在它的地址后加上 status=none。</translation>
    </message>
    <message>
      <source>The printer did not confirm the job ({reason}) after {sent} of {total} bytes: check the paper.</source>
      <translation>打印机没有确认收到这份作业（{reason}），已发送 {total} 字节中的 {sent} 字节：请查看纸上打出的内容。</translation>
    </message>
    <message>
      <source>The printer is offline.</source>
      <translation>打印机离线。</translation>
    </message>
    <message>
      <source>The printer is out of paper.</source>
      <translation>打印机缺纸。</translation>
    </message>
    <message>
      <source>The printer port must be a number.</source>
      <translation>打印机端口必须是数字。</translation>
    </message>
    <message>
      <source>The printer's cover is open.</source>
      <translation>打印机纸仓盖打开。</translation>
    </message>
    <message>
      <source>The products wanted take {length} characters; at most {maximum}.</source>
      <translation>所需货品共 {length} 个字符；最多 {maximum} 个。</translation>
    </message>
    <message>
      <source>The reason is {length} characters long; at most {maximum}.</source>
      <translation>原因有 {length} 个字，最多 {maximum} 个字。</translation>
    </message>
    <message>
      <source>The reference is {length} characters long; at most {maximum}.</source>
      <translation>流水号共 {length} 个字符；最多 {maximum} 个。</translation>
    </message>
    <message>
      <source>The return ratio must be between 0% and 100%.</source>
      <translation>退货比例必须在0%到100%之间。</translation>
    </message>
    <message>
      <source>The second packer has not signed in.</source>
      <translation>第二位点货员尚未签到。</translation>
    </message>
    <message>
      <source>The second packer must be a different person from the first.</source>
      <translation>第二位点货员必须是另一个人。</translation>
    </message>
    <message>
      <source>The signature pad is empty.</source>
      <translation>签字板是空的。</translation>
    </message>
    <message>
      <source>The two PINs differ; nothing was changed.</source>
      <translation>两次输入的密码不一致，未做任何更改。</translation>
    </message>
    <message>
      <source>The weight is from 0 to {most} kg.</source>
      <translation>重量须在 0 到 {most} 公斤之间。</translation>
    </message>
    <message>
      <source>The {scheme} printer address needs a path, e.g. {example}.</source>
      <translation>{scheme} 打印机地址须包含路径，例如 {example}。</translation>
    </message>
    <message>
      <source>There is no account to transfer to: add the shop's bank accounts in Settings first.</source>
      <translation>没有收款账户：请先在设置中填写本店银行账户。</translation>
    </message>
    <message>
      <source>There is no tick to undo.</source>
      <translation>没有可撤销的打钩。</translation>
    </message>
    <message>
      <source>This document is sent only as it was made ({paper} mm, {encoding}): choose a printer with the same paper and encoding.</source>
      <translation>此单据只能按原样发送（{paper} 毫米，{encoding}）：请选择纸宽和编码相同的打印机。</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
      <translation>密码错误次数过多，请在{seconds}秒后重试。</translation>
    </message>
    <message>
      <source>Transfer {reference} is recorded already, on order {number}.</source>
      <translation>转账 {reference} 已登记在订单 {number} 上。</translation>
    </message>
    <message>
      <source>USB printing needs libusb: install it (Debian: apt install libusb-1.0-0).</source>
      <translation>USB 打印需要 libusb：请先安装（Debian：apt install libusb-1.0-0）。</translation>
    </message>
    <message>
      <source>USB printing needs the pyusb package: reinstall Counter &amp; Bench with its dependencies.</source>
      <translation>USB 打印需要 pyusb 软件包：请连同依赖重新安装本软件。</translation>
    </message>
    <message>
      <source>Unexpected error: {reason}</source>
      <translation>意外错误：{reason}</translation>
    </message>
    <message>
      <source>Unknown document kind '{kind}': use {kinds}.</source>
      <translation>未知的单据类型“{kind}”，可用：{kinds}。</translation>
    </message>
    <message>
      <source>Unknown order action '{action}'.</source>
      <translation>未知的订单操作“{action}”。</translation>
    </message>
    <message>
      <source>Unknown payment method '{method}'.</source>
      <translation>未知的支付方式“{method}”。</translation>
    </message>
    <message>
      <source>Unknown printer address '{uri}': use tcp://, usb://, serial://, cups://, file:// or preview:.</source>
      <translation>无法识别的打印机地址“{uri}”，请使用 tcp://、usb://、serial://、cups://、file:// 或 preview:。</translation>
    </message>
    <message>
      <source>Unknown printer encoding '{encoding}'.</source>
      <translation>未知的打印机编码“{encoding}”。</translation>
    </message>
    <message>
      <source>Unsupported file type '{suffix}': use .csv or .xlsx.</source>
      <translation>不支持的文件类型“{suffix}”，请使用 .csv 或 .xlsx。</translation>
    </message>
    <message>
      <source>Weigh the boxes first: this carrier charges by weight.</source>
      <translation>请先称重：该承运商按重量计费。</translation>
    </message>
    <message>
      <source>Wrong login code or PIN.</source>
      <translation>工号或密码错误。</translation>
    </message>
    <message>
      <source>barcode {barcode} already belongs to another product.</source>
      <translation>条码 {barcode} 已属于其他商品。</translation>
    </message>
    <message>
      <source>barcode {barcode}: {reason}</source>
      <translation>条码 {barcode}：{reason}</translation>
    </message>
    <message>
      <source>duplicate item code {code} (already on line {line}).</source>
      <translation>货号 {code} 重复（第{line}行已有）。</translation>
    </message>
    <message>
      <source>duplicate item code {code}: it is already in the catalog.</source>
      <translation>货号 {code} 重复：商品库中已有该货号。</translation>
    </message>
    <message>
      <source>item_code is empty.</source>
      <translation>货号为空。</translation>
    </message>
    <message>
      <source>item_code: {reason}</source>
      <translation>货号：{reason}</translation>
    </message>
    <message>
      <source>name is empty.</source>
      <translation>品名为空。</translation>
    </message>
    <message>
      <source>the same barcode is listed twice.</source>
      <translation>同一条码填写了两次。</translation>
    </message>
    <message>
      <source>{code} {name} is not on slip {number}.</source>
      <translation>{code} {name} 不在单据 {number} 上！</translation>
    </message>
    <message>
      <source>{code} {name} is weighed piece by piece: scan the label on the piece itself.</source>
      <translation>{code} {name} 是逐件称重的：请扫这一件上的标签！</translation>
    </message>
    <message>
      <source>{field} '{text}' is not an amount of money.</source>
      <translation>{field}“{text}”不是有效金额。</translation>
    </message>
    <message>
      <source>{field} '{text}' should be yes or no.</source>
      <translation>{field}“{text}”应为“是”或“否”。</translation>
    </message>
    <message>
      <source>{field} cannot be negative.</source>
      <translation>{field}不能为负数。</translation>
    </message>
    <message>
      <source>{field} holds control characters ({found}), which a printer takes as commands.</source>
      <translation>{field} 含有控制字符（{found}），打印机会把它当作指令。</translation>
    </message>
    <message>
      <source>{field} is 0: mark the row free (free = yes) if it is given away.</source>
      <translation>{field} 为 0：若是赠品，请在该行标明免费（赠品 = 是）。</translation>
    </message>
    <message>
      <source>{field} is empty.</source>
      <translation>{field}为空。</translation>
    </message>
    <message>
      <source>{field} is {length} characters long; at most {limit} fit.</source>
      <translation>{field} 长 {length} 个字符，最多只能 {limit} 个。</translation>
    </message>
    <message>
      <source>{field} {text} is more than the catalog can hold.</source>
      <translation>{field} {text} 超出商品目录可存的最大金额。</translation>
    </message>
    <message>
      <source>{left} units are still to check.</source>
      <translation>还有 {left} 件待点。</translation>
    </message>
    <message>
      <source>{name} collected the goods in person: a wholesale customer cannot return them afterwards. A manager may override with a reason.</source>
      <translation>{name} 已亲自提货：批发客户提货离开后不能退货。经理可填写原因特批。</translation>
    </message>
    <message>
      <source>{name} has no franchise contract on file (no contract dates), so there is no return allowance. A manager may enter the contract or override with a reason.</source>
      <translation>{name}没有登记加盟合同（无合同期限），因此没有退货额度。经理可录入合同，或填写原因特批。</translation>
    </message>
    <message>
      <source>{name} is not a franchise customer: only franchise customers have a contract.</source>
      <translation>{name}不是加盟客户：只有加盟客户才有合同。</translation>
    </message>
    <message>
      <source>{name} is the last active admin and cannot be deactivated.</source>
      <translation>{name} 是最后一位在用的管理员，不能停用。</translation>
    </message>
    <message>
      <source>{name} is the last active admin and keeps the admin role.</source>
      <translation>{name} 是最后一位在用的管理员，必须保留管理员角色。</translation>
    </message>
    <message>
      <source>{name} may not do this: it needs the {roles} role.</source>
      <translation>{name}无权执行此操作：需要{roles}角色。</translation>
    </message>
    <message>
      <source>{path} has no header row and no products.</source>
      <translation>{path} 没有表头，也没有商品。</translation>
    </message>
    <message>
      <source>{path} is neither UTF-8 nor GB18030 text.</source>
      <translation>{path} 既不是 UTF-8 也不是 GB18030 文本。</translation>
    </message>
    <message>
      <source>{path} is not a readable .xlsx workbook: {reason}</source>
      <translation>{path} 不是可读取的 .xlsx 工作簿：{reason}</translation>
    </message>
    <message>
      <source>{path} is not a text file.</source>
      <translation>{path} 不是文本文件。</translation>
    </message>
    <message>
      <source>{path} line {line}: {reason}</source>
      <translation>{path} 第{line}行：{reason}</translation>
    </message>
    <message>
      <source>{quantity} × {code}: a quantity of {large} or more must be confirmed. Scan the item once, then set the quantity with F4.</source>
      <translation>{quantity} × {code}：{large} 件及以上的数量须确认。请先扫描一次该商品，再按 F4 修改数量。</translation>
    </message>
    <message>
      <source>{scanned} is not on slip {number}.</source>
      <translation>{scanned} 不在单据 {number} 上！</translation>
    </message>
    <message>
      <source>{scanned}: line {position}, {code} {name}: all {quantity} are ticked or crossed already.</source>
      <translation>{scanned}：第 {position} 行 {code} {name} 共 {quantity} 件已全部点过或划除，多出的不能再点！</translation>
    </message>
    <message>
      <source>{scanned}: {code} {name} is not on slip {number}.</source>
      <translation>{scanned}：{code} {name} 不在单据 {number} 上！</translation>
    </message>
    <message>
      <source>{scanned}: {code} {name} {label} is not on slip {number}.</source>
      <translation>{scanned}：{code} {name} {label} 不在单据 {number} 上！</translation>
    </message>
    <message>
      <source>{symbology} code {code} has a wrong check digit (expected {expected}).</source>
      <translation>{symbology} 条码 {code} 校验位错误（应为 {expected}）。</translation>
    </message>
    <message>
      <source>{what} was printed (or queued) already; ask a manager for a reprint.</source>
      <translation>{what} 已打印（或已在队列中）；如需重印请找经理。</translation>
    </message>
    <message>
      <source>{where} cannot be written to; nothing was saved. Check that the disk is not write-protected and that this account may write there, then try again.</source>
      <translation>无法写入 {where}，未保存任何内容。请检查磁盘没有写保护、且当前账户有写入权限，然后重试。</translation>
    </message>
  </context>
</TS>